import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import sharp from 'sharp'
import { LIMITS } from '../../domain/limits'
import { MediaError } from './errors'
import { readExifFacts, type GpsPoint } from './exif'
import { SNIFF_BYTES, sniffImageType, type ImageType } from './sniff'

export const MAX_UPLOAD_BYTES = LIMITS.uploadMb * 1024 * 1024
/** 120 MP: above the 108 MP of the largest phone sensors that save full-size JPEGs. */
export const MAX_INPUT_PIXELS = 120_000_000
export const MAX_LONG_SIDE = 2560
export const THUMB_LONG_SIDE = 480
const JPEG_QUALITY = 82
const THUMB_QUALITY = 75

// Every upload is seen once, so libvips' operation cache only holds memory and keeps
// deleted temp files open; turn it off for the whole process.
sharp.cache(false)

export interface IngestOptions {
  /** Citizens' GPS is never kept; officers' evidence keeps it. */
  keepGps: boolean
  maxBytes?: number
  /** Decompression-bomb guard: width × height of the decoded input. */
  limitInputPixels?: number
  /** Where the upload is spooled when it is not held in memory; defaults to the OS temp dir. */
  tmpDir?: string
  /**
   * An upper bound on the upload's size, if known (an HTTP body's Content-Length, which
   * Node's parser enforces): the in-memory buffer is sized from it. Never trusted beyond
   * `maxBytes`; a stream that outgrows it still works.
   */
  sizeHint?: number
}

/**
 * Uploads are received into memory, each in one buffer of at most `maxBytes`, while the
 * process holds less than this many bytes of them in all; past that (a burst of concurrent
 * uploads), an upload is spooled to a temp file instead. So memory for uploads is bounded
 * by this, not by how many arrive at once, and no upload is ever held beyond `maxBytes`.
 */
export const UPLOAD_MEMORY_BUDGET = 64 * 1024 * 1024
let uploadMemoryInUse = 0

export interface IngestedImage {
  /** SHA-256 (hex) of `normalised`: the content address of what is stored. */
  sha256: string
  /** SHA-256 (hex) of the bytes as uploaded, e.g. to spot a client's retry. */
  sourceSha256: string
  sourceType: ImageType
  sourceBytes: number
  contentType: 'image/jpeg'
  /** Of the normalised image. */
  width: number
  height: number
  bytes: number
  takenAt?: Date
  gps?: GpsPoint
  /** JPEG, auto-oriented, long side ≤ 2560, no metadata. */
  normalised: Buffer
  /** JPEG, long side ≤ 480, no metadata. */
  thumb: Buffer
  thumbWidth: number
  thumbHeight: number
}

const ALLOWED_LABEL = 'JPEG、PNG、WebP、HEIC'
const SHARP_FORMAT: Record<ImageType, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', heic: 'heif' }

const tooLarge = (maxBytes: number) =>
  new MediaError('too_large', 413, `图片超过 ${formatMb(maxBytes)}，请压缩后重新上传`)
const unsupported = () =>
  new MediaError('unsupported_type', 415, `不支持的文件类型，仅支持 ${ALLOWED_LABEL} 格式的图片`)

/**
 * Checks, normalises and describes one uploaded image.
 *
 * A stream is read with its bytes counted, hashed and its magic bytes checked as they
 * arrive, stopping at `maxBytes` or at the first bytes that are not an accepted image; it
 * goes into one buffer of at most `maxBytes` (within `UPLOAD_MEMORY_BUDGET` for the whole
 * process), or to a temp file when the budget is taken, so a huge upload is never held in
 * memory. A Buffer is used as it is. EXIF capture time and GPS are read before
 * normalising, since the normalised output carries no metadata. A temp file is removed on
 * every path out.
 */
export async function ingestImage(input: Readable | Buffer, options: IngestOptions): Promise<IngestedImage> {
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES
  if (Buffer.isBuffer(input)) {
    if (input.length > maxBytes) throw tooLarge(maxBytes)
    const type = await sniffImageType(input)
    if (!type) throw unsupported()
    return normalise(input, { type, bytes: input.length, sha256: () => sha256Hex(input) }, options)
  }

  // Reserve what this upload can take at most: the whole of maxBytes unless a size bound is known.
  const reserved = Math.min(maxBytes, Math.max(0, Math.floor(options.sizeHint ?? maxBytes)))
  if (uploadMemoryInUse + reserved <= UPLOAD_MEMORY_BUDGET) {
    uploadMemoryInUse += reserved
    try {
      // Without a bound, start small: the buffer doubles as needed, within the reservation.
      const upload = await receive(input, maxBytes, options.sizeHint === undefined ? Math.min(reserved, 1024 * 1024) : reserved)
      return await normalise(upload.data, { type: upload.type, bytes: upload.data.length, sha256: () => sha256Hex(upload.data) }, options)
    } finally {
      uploadMemoryInUse -= reserved
    }
  }
  return spoolAndIngest(input, maxBytes, options)
}

/**
 * Reads an upload into one buffer: sized from `initialSize` (grown, by doubling up to
 * `maxBytes`, only if the stream outgrows it), refused with 413 before it holds the byte
 * that crosses `maxBytes`, and with 415 as soon as the first bytes are not an accepted
 * image. The stream is destroyed on every refusal, so the rest is never read.
 */
async function receive(input: Readable, maxBytes: number, initialSize: number): Promise<{ data: Buffer; type: ImageType }> {
  let buffer = Buffer.allocUnsafeSlow(Math.max(SNIFF_BYTES, initialSize))
  let bytes = 0
  let type: ImageType | null = null
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (bytes + chunk.length > maxBytes) throw tooLarge(maxBytes)
      if (bytes + chunk.length > buffer.length) {
        const grown = Buffer.allocUnsafeSlow(Math.min(maxBytes, Math.max(bytes + chunk.length, buffer.length * 2)))
        buffer.copy(grown, 0, 0, bytes)
        buffer = grown
      }
      bytes += chunk.copy(buffer, bytes)
      if (!type && bytes >= SNIFF_BYTES) {
        type = await sniffImageType(buffer.subarray(0, bytes))
        if (!type) throw unsupported()
      }
    }
  } catch (err) {
    if (err instanceof MediaError) throw err
    throw new MediaError('upload_aborted', 400, '图片上传中断，请重试', { cause: err })
  }
  type ??= await sniffImageType(buffer.subarray(0, bytes))
  if (!type) throw unsupported()
  return { data: buffer.subarray(0, bytes), type }
}

/** The same checks as `receive`, through a temp file: for when the memory budget is taken. */
async function spoolAndIngest(input: Readable, maxBytes: number, options: IngestOptions): Promise<IngestedImage> {
  const path = join(options.tmpDir ?? tmpdir(), `zhibao-upload-${randomUUID()}`)
  try {
    const guard = new UploadGuard(maxBytes)
    try {
      await pipeline(input, guard, createWriteStream(path, { flags: 'wx' }))
    } catch (err) {
      if (err instanceof MediaError) throw err
      throw new MediaError('upload_aborted', 400, '图片上传中断，请重试', { cause: err })
    }
    if (!guard.type) throw unsupported()
    const sha256 = guard.digest()
    return await normalise(path, { type: guard.type, bytes: guard.bytes, sha256: () => sha256 }, options)
  } finally {
    await rm(path, { force: true })
  }
}

const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

interface Source {
  type: ImageType
  bytes: number
  /** Computed while libvips works on another thread. */
  sha256: () => string
}

async function normalise(input: string | Buffer, source: Source, options: IngestOptions): Promise<IngestedImage> {
  const limitInputPixels = options.limitInputPixels ?? MAX_INPUT_PIXELS
  // failOn 'error': truncated or corrupt data fails, libjpeg's harmless warnings do not.
  const open = () => sharp(input, { limitInputPixels, failOn: 'error' })
  try {
    const meta = await open().metadata()
    if (meta.format !== SHARP_FORMAT[source.type]) throw unsupported()
    const facts = readExifFacts(meta.exif)

    const normalising = open()
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({ width: MAX_LONG_SIDE, height: MAX_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true })
    // Hash the upload on this thread while libvips decodes it on another (sharp has started).
    const sourceSha256 = source.sha256()
    const normalised = await normalising
    // From the normalised image, not the upload: it is already decoded-size and oriented.
    const thumbnailing = sharp(normalised.data)
      .resize({ width: THUMB_LONG_SIDE, height: THUMB_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: THUMB_QUALITY })
      .toBuffer({ resolveWithObject: true })
    const sha256 = sha256Hex(normalised.data)
    const thumb = await thumbnailing

    return {
      sha256,
      sourceSha256,
      sourceType: source.type,
      sourceBytes: source.bytes,
      contentType: 'image/jpeg',
      width: normalised.info.width,
      height: normalised.info.height,
      bytes: normalised.data.length,
      ...(facts.takenAt ? { takenAt: facts.takenAt } : {}),
      ...(options.keepGps && facts.gps ? { gps: facts.gps } : {}),
      normalised: normalised.data,
      thumb: thumb.data,
      thumbWidth: thumb.info.width,
      thumbHeight: thumb.info.height
    }
  } catch (err) {
    throw err instanceof MediaError ? err : decodeError(err, source.type, limitInputPixels)
  }
}

function decodeError(err: unknown, type: ImageType, limitInputPixels: number): MediaError {
  const detail = err instanceof Error ? err.message : String(err)
  if (/pixel limit/i.test(detail)) {
    const mp = Math.floor(limitInputPixels / 1_000_000)
    return new MediaError('too_many_pixels', 422, `图片像素过大（超过 ${mp} 百万像素），请缩小后重新上传`, { cause: err })
  }
  if (type === 'heic') {
    return new MediaError(
      'heic_undecodable',
      415,
      '暂时无法处理 HEIC 格式的照片。请在手机相机设置中选择“兼容性最佳”（JPEG）拍摄，或转换为 JPEG 后重新上传',
      { cause: err }
    )
  }
  return new MediaError('corrupt', 422, '图片已损坏或无法识别，请重新拍摄或选择其他图片', { cause: err })
}

/**
 * Pass-through that counts and hashes the upload, refuses it past `maxBytes` (before
 * writing the byte that crosses the limit) and checks the magic bytes as soon as it has
 * enough of them, so a wrong file is refused without reading the rest.
 */
class UploadGuard extends Transform {
  bytes = 0
  type: ImageType | null = null
  private readonly hash = createHash('sha256')
  private head: Buffer[] = []
  private headLength = 0
  private sniffed = false

  constructor(private readonly maxBytes: number) {
    super()
  }

  digest(): string {
    return this.hash.digest('hex')
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length
    if (this.bytes > this.maxBytes) return callback(tooLarge(this.maxBytes))
    this.hash.update(chunk)
    if (this.sniffed) return callback(null, chunk)
    this.head.push(chunk)
    this.headLength += chunk.length
    if (this.headLength < SNIFF_BYTES) return callback()
    this.sniff(callback)
  }

  override _flush(callback: TransformCallback): void {
    if (this.sniffed) return callback()
    this.sniff(callback)
  }

  /** Decides the type from the buffered head, then releases the head downstream. */
  private sniff(callback: TransformCallback): void {
    const head = Buffer.concat(this.head)
    this.head = []
    this.sniffed = true
    sniffImageType(head).then(
      (type) => {
        if (!type) return callback(unsupported())
        this.type = type
        callback(null, head)
      },
      (err) => callback(err)
    )
  }
}

function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`
}
