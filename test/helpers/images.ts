// Test images made on the fly with sharp (and two hand-built files), so no binary fixtures.
import { deflateSync } from 'node:zlib'
import sharp from 'sharp'

export interface ExifOptions {
  orientation?: number
  dateTimeOriginal?: string
  offsetTimeOriginal?: string
  gps?: { latRef: 'N' | 'S'; lat: string; lngRef: 'E' | 'W'; lng: string }
}

/** A JPEG that looks like a phone photo: noise (so it compresses like one) and EXIF. */
export async function jpegWithExif(width: number, height: number, exif: ExifOptions = {}): Promise<Buffer> {
  let image = noise(width, height).jpeg({ quality: 90 })
  const ifd2: Record<string, string> = {}
  if (exif.dateTimeOriginal) ifd2.DateTimeOriginal = exif.dateTimeOriginal
  if (exif.offsetTimeOriginal) ifd2.OffsetTimeOriginal = exif.offsetTimeOriginal
  const ifd3: Record<string, string> = {}
  if (exif.gps) {
    Object.assign(ifd3, {
      GPSLatitudeRef: exif.gps.latRef,
      GPSLatitude: exif.gps.lat,
      GPSLongitudeRef: exif.gps.lngRef,
      GPSLongitude: exif.gps.lng
    })
  }
  if (exif.orientation) image = image.withMetadata({ orientation: exif.orientation })
  return image.withExif({ IFD0: { Make: 'ZhibaoTestCam' }, IFD2: ifd2, IFD3: ifd3 }).toBuffer()
}

export function noise(width: number, height: number): sharp.Sharp {
  return sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
}

export async function png(width: number, height: number, alpha = false): Promise<Buffer> {
  return sharp({ create: { width, height, channels: alpha ? 4 : 3, background: { r: 20, g: 120, b: 200, alpha: alpha ? 0.5 : 1 } } })
    .png()
    .toBuffer()
}

export async function webp(width: number, height: number): Promise<Buffer> {
  return noise(width, height).webp({ quality: 80 }).toBuffer()
}

/**
 * A valid 1-bit greyscale PNG of width × height (all black): 20000 × 20000 is 400 MP
 * that deflate squeezes into ~50 KB, a decompression bomb.
 */
export function pngBomb(width = 20000, height = 20000): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 1 // bit depth
  ihdr[9] = 0 // greyscale
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height) // filter byte 0 + packed pixels
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0))
  ])
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    let c = (crc ^ byte) & 0xff
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    crc = (crc >>> 8) ^ c
  }
  return (crc ^ 0xffffffff) >>> 0
}

/**
 * A real 64 × 48 HEIC (HEVC-coded, brand 'heic'), made once with libheif's heif-enc
 * 1.15 from a flat PNG: sharp's prebuilt libvips reads its header but cannot decode it.
 */
export const TINY_HEIC = Buffer.from(
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAa1tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHRAAEAAAAAAAAAGAACAAEAAAAAAAAAAQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADYaXBycAAAALZpcGNvAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQEDcAAAAwCQAAADAAADAB6gIIEFlurkprm4EBAwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGltZwACAAEAAQAAACBtZGF0AAAAFCgBrxmA70mlvsPX7hb/P61pj5uA',
  'base64'
)

/** The bytes carry an APP1 EXIF segment (or any embedded 'Exif\0\0' block). */
export const hasExifMarker = (bytes: Buffer): boolean => bytes.includes(Buffer.from('Exif\0\0', 'latin1'))
