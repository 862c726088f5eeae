// Capture time and GPS from a JPEG's EXIF block, read on the phone from the ORIGINAL photo before
// compression (a canvas or wx.compressImage writes none). Just enough of TIFF to reach
// DateTimeOriginal, OffsetTimeOriginal and the GPS position; anything malformed yields nothing,
// never an error: evidence is a bonus, not a reason to refuse a photo.
import { plausibleCaptureTime, plausiblePlace, type DeviceEvidence } from '@/domain'

/** How much of the file to read: EXIF lives in an APP1 segment of at most 64 KB near the start. */
export const EXIF_HEAD_BYTES = 128 * 1024

/** China Standard Time: what a camera clock without an offset means for this bureau (as the server reads it). */
const DEFAULT_OFFSET = '+08:00'

const TAG_EXIF_IFD = 0x8769
const TAG_GPS_IFD = 0x8825
const TAG_DATE_TIME_ORIGINAL = 0x9003
const TAG_OFFSET_TIME_ORIGINAL = 0x9011
const TAG_GPS_LAT_REF = 1
const TAG_GPS_LAT = 2
const TAG_GPS_LNG_REF = 3
const TAG_GPS_LNG = 4
const TYPE_ASCII = 2
const TYPE_RATIONAL = 5

interface Entry {
  type: number
  count: number
  /** Offset of the value itself (inline or pointed to), from the start of the view. */
  at: number
}

class Tiff {
  constructor(
    private readonly view: DataView,
    private readonly start: number,
    private readonly little: boolean
  ) {}

  /** Where IFD0 starts, from the TIFF header. */
  firstIfd(): number {
    return this.u32(this.start + 4)
  }

  u16(at: number): number {
    return this.view.getUint16(at, this.little)
  }
  u32(at: number): number {
    return this.view.getUint32(at, this.little)
  }

  /** The entries of the IFD at `offset` (from the TIFF header), by tag. */
  ifd(offset: number): Map<number, Entry> {
    const entries = new Map<number, Entry>()
    const base = this.start + offset
    const count = this.u16(base)
    for (let i = 0; i < count; i++) {
      const e = base + 2 + i * 12
      const type = this.u16(e + 2)
      const n = this.u32(e + 4)
      const size = n * (type === TYPE_RATIONAL ? 8 : type === 3 ? 2 : type === 4 ? 4 : 1)
      entries.set(this.u16(e), { type, count: n, at: size <= 4 ? e + 8 : this.start + this.u32(e + 8) })
    }
    return entries
  }

  ascii(entry: Entry | undefined): string | undefined {
    if (!entry || entry.type !== TYPE_ASCII) return undefined
    let s = ''
    for (let i = 0; i < entry.count; i++) {
      const c = this.view.getUint8(entry.at + i)
      if (c === 0) break
      s += String.fromCharCode(c)
    }
    return s
  }

  rationals(entry: Entry | undefined): number[] | undefined {
    if (!entry || entry.type !== TYPE_RATIONAL) return undefined
    const out: number[] = []
    for (let i = 0; i < entry.count; i++) {
      const den = this.u32(entry.at + i * 8 + 4)
      out.push(den === 0 ? NaN : this.u32(entry.at + i * 8) / den)
    }
    return out
  }
}

/** The TIFF block inside the first APP1 "Exif" segment, or null. */
function findTiff(view: DataView): Tiff | null {
  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return null
  let at = 2
  while (at + 4 <= view.byteLength) {
    if (view.getUint8(at) !== 0xff) return null
    const marker = view.getUint8(at + 1)
    // Start of scan or end of image: the metadata segments are behind us.
    if (marker === 0xda || marker === 0xd9) return null
    const length = view.getUint16(at + 2)
    if (marker === 0xe1 && at + 10 <= view.byteLength && view.getUint32(at + 4) === 0x45786966 && view.getUint16(at + 8) === 0) {
      const start = at + 10
      const order = view.getUint16(start)
      if (order !== 0x4949 && order !== 0x4d4d) return null
      const tiff = new Tiff(view, start, order === 0x4949)
      return tiff.u16(start + 2) === 42 ? tiff : null
    }
    at += 2 + length
  }
  return null
}

/** "2026:11:25 10:05:00" and "+08:00" → "2026-11-25T10:05:00+08:00", if believable. */
function captureTime(wallClock: string | undefined, offset: string | undefined): string | undefined {
  const m = wallClock && /^(\d{4}):(\d\d):(\d\d) (\d\d):(\d\d):(\d\d)/.exec(wallClock)
  if (!m) return undefined
  const zone = offset && /^[+-]\d\d:\d\d$/.test(offset.trim()) ? offset.trim() : DEFAULT_OFFSET
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`
  return plausibleCaptureTime(new Date(iso)) ? iso : undefined
}

function degrees(dms: number[] | undefined, ref: string | undefined, negative: string): number | undefined {
  if (!dms || dms.length !== 3 || !dms.every(Number.isFinite)) return undefined
  const value = dms[0] + dms[1] / 60 + dms[2] / 3600
  return Math.round((ref?.trim().toUpperCase() === negative ? -value : value) * 1e7) / 1e7
}

/** What the photo's own EXIF says about when and where it was taken; empty when it says nothing usable. */
export function readExif(bytes: ArrayBuffer): DeviceEvidence {
  try {
    const tiff = findTiff(new DataView(bytes))
    if (!tiff) return {}
    const ifd0 = tiff.ifd(tiff.firstIfd())
    const facts: DeviceEvidence = {}
    const exifPointer = ifd0.get(TAG_EXIF_IFD)
    if (exifPointer) {
      const exif = tiff.ifd(tiff.u32(exifPointer.at))
      const takenAt = captureTime(tiff.ascii(exif.get(TAG_DATE_TIME_ORIGINAL)), tiff.ascii(exif.get(TAG_OFFSET_TIME_ORIGINAL)))
      if (takenAt) facts.takenAt = takenAt
    }
    const gpsPointer = ifd0.get(TAG_GPS_IFD)
    if (gpsPointer) {
      const gps = tiff.ifd(tiff.u32(gpsPointer.at))
      const lat = degrees(tiff.rationals(gps.get(TAG_GPS_LAT)), tiff.ascii(gps.get(TAG_GPS_LAT_REF)), 'S')
      const lng = degrees(tiff.rationals(gps.get(TAG_GPS_LNG)), tiff.ascii(gps.get(TAG_GPS_LNG_REF)), 'W')
      if (lat !== undefined && lng !== undefined && plausiblePlace(lat, lng)) Object.assign(facts, { lat, lng })
    }
    return facts
  } catch {
    // A truncated or hostile block: reading past the end throws RangeError.
    return {}
  }
}
