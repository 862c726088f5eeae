import exifReader from 'exif-reader'

export interface GpsPoint {
  /** WGS-84 degrees, as phone cameras record them (not GCJ-02). */
  lat: number
  lng: number
}

export interface ExifFacts {
  takenAt?: Date
  gps?: GpsPoint
}

/** China Standard Time: what a camera's offset-less clock means for this bureau. */
export const DEFAULT_UTC_OFFSET_MINUTES = 8 * 60

/**
 * Capture time and place from a raw EXIF block (as `sharp().metadata().exif` returns it).
 * Evidence metadata is a nice-to-have: malformed or implausible EXIF yields no facts
 * rather than a failed upload.
 */
export function readExifFacts(exif: Buffer | undefined, defaultOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): ExifFacts {
  if (!exif || exif.length === 0) return {}
  let parsed: exifReader.Exif
  try {
    parsed = exifReader(exif)
  } catch {
    return {}
  }
  const facts: ExifFacts = {}
  const takenAt = captureTime(parsed.Photo?.DateTimeOriginal, parsed.Photo?.OffsetTimeOriginal, defaultOffsetMinutes)
  if (takenAt) facts.takenAt = takenAt
  const gps = gpsPoint(parsed.GPSInfo)
  if (gps) facts.gps = gps
  return facts
}

/**
 * exif-reader reads the wall-clock DateTimeOriginal as if it were UTC; shift it by the
 * photo's own OffsetTimeOriginal when present, else by the bureau's offset.
 */
function captureTime(wallClockAsUtc: unknown, offsetTag: unknown, defaultOffsetMinutes: number): Date | undefined {
  if (!(wallClockAsUtc instanceof Date) || Number.isNaN(wallClockAsUtc.getTime())) return undefined
  const offset = parseOffset(offsetTag) ?? defaultOffsetMinutes
  const at = new Date(wallClockAsUtc.getTime() - offset * 60_000)
  // Unset camera clocks write 0000:00:00 or 1970; a photo from the future is a wrong clock.
  const plausible = at.getUTCFullYear() >= 2000 && at.getTime() <= Date.now() + 24 * 3600_000
  return plausible ? at : undefined
}

function parseOffset(tag: unknown): number | undefined {
  if (typeof tag !== 'string') return undefined
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(tag.trim())
  if (!m) return undefined
  const minutes = Number(m[2]) * 60 + Number(m[3])
  return m[1] === '-' ? -minutes : minutes
}

function gpsPoint(info: exifReader.Exif['GPSInfo']): GpsPoint | undefined {
  if (!info) return undefined
  const lat = toDegrees(info.GPSLatitude, info.GPSLatitudeRef, 'S')
  const lng = toDegrees(info.GPSLongitude, info.GPSLongitudeRef, 'W')
  if (lat === undefined || lng === undefined) return undefined
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined
  // 0,0 is what some phones write when they had no fix.
  if (lat === 0 && lng === 0) return undefined
  return { lat, lng }
}

function toDegrees(dms: unknown, ref: unknown, negativeRef: string): number | undefined {
  if (!Array.isArray(dms) || dms.length !== 3 || !dms.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return undefined
  }
  const [d, m, s] = dms as number[]
  const degrees = d + m / 60 + s / 3600
  const sign = typeof ref === 'string' && ref.trim().toUpperCase() === negativeRef ? -1 : 1
  return Math.round(sign * degrees * 1e7) / 1e7
}
