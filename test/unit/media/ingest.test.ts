import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import sharp from 'sharp'
import { ingestImage, MAX_UPLOAD_BYTES, MediaError, type IngestOptions } from '../../../server/media'
import { hasExifMarker, jpegWithExif, noise, png, pngBomb, TINY_HEIC, webp } from '../../helpers/images'

let tmpDir: string
beforeEach(async () => {
  tmpDir = await mkdtemp(join(tmpdir(), 'zhibao-ingest-test-'))
})
afterEach(async () => {
  await rm(tmpDir, { recursive: true, force: true })
})

/** Feeds a buffer in 16 KB chunks, as a multipart file stream would. */
const streamOf = (bytes: Buffer): Readable =>
  Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += 16 * 1024) yield bytes.subarray(i, i + 16 * 1024)
    })()
  )

const ingest = (input: Readable | Buffer, options: Partial<IngestOptions> = {}) =>
  ingestImage(input, { keepGps: false, tmpDir, ...options })

async function expectMediaError(promise: Promise<unknown>, code: string, statusCode: number): Promise<MediaError> {
  const err = await promise.then(
    () => {
      throw new Error(`expected MediaError ${code}, but ingest succeeded`)
    },
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(MediaError)
  expect(err).toMatchObject({ code, statusCode })
  expect((err as MediaError).message).toMatch(/[\u4e00-\u9fff]/) // shown to the user, in Chinese
  return err as MediaError
}

async function expectStripped(jpeg: Buffer): Promise<void> {
  const meta = await sharp(jpeg).metadata()
  expect(meta.format).toBe('jpeg')
  expect(meta.exif).toBeUndefined()
  expect(meta.orientation).toBeUndefined()
  expect(meta.icc).toBeUndefined()
  expect(meta.xmp).toBeUndefined()
  expect(hasExifMarker(jpeg)).toBe(false)
}

describe('ingestImage: a phone photo with EXIF', () => {
  // Orientation 6: the sensor's 1200×800 is shown rotated 90° clockwise, i.e. 800×1200.
  let photo: Buffer
  beforeAll(async () => {
    photo = await jpegWithExif(1200, 800, {
      orientation: 6,
      dateTimeOriginal: '2024:05:06 07:08:09',
      gps: { latRef: 'N', lat: '30/1 15/1 3000/100', lngRef: 'E', lng: '120/1 10/1 0/1' }
    })
    // The test image really carries what the tests below expect to be removed.
    expect(hasExifMarker(photo)).toBe(true)
    expect((await sharp(photo).metadata()).orientation).toBe(6)
  })

  it('auto-orients, reads capture time and GPS, and stores no metadata', async () => {
    const result = await ingest(streamOf(photo), { keepGps: true })
    expect(result).toMatchObject({ width: 800, height: 1200, sourceType: 'jpeg', sourceBytes: photo.length, contentType: 'image/jpeg' })
    // No OffsetTimeOriginal: the camera clock is read as China Standard Time.
    expect(result.takenAt?.toISOString()).toBe('2024-05-05T23:08:09.000Z')
    expect(result.gps?.lat).toBeCloseTo(30 + 15 / 60 + 30 / 3600, 6)
    expect(result.gps?.lng).toBeCloseTo(120 + 10 / 60, 6)
    expect(result.bytes).toBe(result.normalised.length)
    expect(result.thumbWidth).toBe(320)
    expect(result.thumbHeight).toBe(480)
    await expectStripped(result.normalised)
    await expectStripped(result.thumb)
    expect(await readdir(tmpDir)).toEqual([])
  })

  it('drops GPS unless asked to keep it (citizens), but keeps the capture time', async () => {
    const result = await ingest(streamOf(photo), { keepGps: false })
    expect(result.gps).toBeUndefined()
    expect('gps' in result).toBe(false)
    expect(result.takenAt).toBeInstanceOf(Date)
  })

  it('uses the photo’s own OffsetTimeOriginal and southern/western refs', async () => {
    const abroad = await jpegWithExif(64, 64, {
      dateTimeOriginal: '2024:05:06 07:08:09',
      offsetTimeOriginal: '-03:00',
      gps: { latRef: 'S', lat: '22/1 54/1 0/1', lngRef: 'W', lng: '43/1 12/1 0/1' }
    })
    const result = await ingest(abroad, { keepGps: true })
    expect(result.takenAt?.toISOString()).toBe('2024-05-06T10:08:09.000Z')
    expect(result.gps?.lat).toBeCloseTo(-22.9, 6)
    expect(result.gps?.lng).toBeCloseTo(-43.2, 6)
  })

  it('addresses the normalised output: same photo, same sha256, whether streamed or buffered', async () => {
    const a = await ingest(streamOf(photo))
    const b = await ingest(photo)
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(b.sha256).toBe(a.sha256)
    expect(b.sourceSha256).toBe(a.sourceSha256)
    expect(a.sourceSha256).not.toBe(a.sha256)
  })
})

describe('ingestImage: accepted formats', () => {
  it('shrinks a large PNG to long side 2560 and a thumbnail of 480, as JPEG', async () => {
    const result = await ingest(streamOf(await png(3000, 2000, true)))
    expect(result).toMatchObject({ sourceType: 'png', width: 2560, height: 1707, thumbWidth: 480, thumbHeight: 320 })
    const meta = await sharp(result.normalised).metadata()
    expect(meta).toMatchObject({ format: 'jpeg', channels: 3, hasAlpha: false })
    expect(result.takenAt).toBeUndefined()
  })

  it('accepts WebP and never enlarges a small image', async () => {
    const result = await ingest(streamOf(await webp(300, 200)))
    expect(result).toMatchObject({ sourceType: 'webp', width: 300, height: 200, thumbWidth: 300, thumbHeight: 200 })
    await expectStripped(result.normalised)
  })
})

describe('ingestImage: refused uploads leave no temp file', () => {
  afterEach(async () => {
    expect(await readdir(tmpDir)).toEqual([])
  })

  it('refuses a text file named .jpg with 415, naming the allowed types', async () => {
    const text = Buffer.from('这不是图片 / not an image\n'.repeat(500))
    const err = await expectMediaError(ingest(streamOf(text)), 'unsupported_type', 415)
    expect(err.message).toContain('JPEG')
    await expectMediaError(ingest(text), 'unsupported_type', 415)
  })

  it('refuses a file shorter than any magic number, and an empty one, with 415', async () => {
    await expectMediaError(ingest(streamOf(Buffer.from([0xff, 0xd8]))), 'unsupported_type', 415)
    await expectMediaError(ingest(Readable.from([])), 'unsupported_type', 415)
  })

  it('refuses formats sharp could read but we do not accept (GIF, AVIF) with 415', async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).gif().toBuffer()
    const avif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).avif().toBuffer()
    await expectMediaError(ingest(streamOf(gif)), 'unsupported_type', 415)
    await expectMediaError(ingest(streamOf(avif)), 'unsupported_type', 415)
  })

  it('refuses a truncated JPEG with 422', async () => {
    const jpeg = await noise(800, 600).jpeg().toBuffer()
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2))
    await expectMediaError(ingest(streamOf(truncated)), 'corrupt', 422)
  })

  it('refuses a JPEG whose body is garbage with 422', async () => {
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10_000, 0x5a)])
    await expectMediaError(ingest(streamOf(garbage)), 'corrupt', 422)
  })

  it('refuses a decompression bomb (20000×20000 PNG of ~50 KB) with 422 before decoding it', async () => {
    const bomb = pngBomb()
    expect(bomb.length).toBeLessThan(100_000)
    const started = Date.now()
    await expectMediaError(ingest(streamOf(bomb)), 'too_many_pixels', 422)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('honours a lower limitInputPixels', async () => {
    await expectMediaError(ingest(await png(200, 200), { limitInputPixels: 100 * 100 }), 'too_many_pixels', 422)
  })

  it('lets a real HEIC pass the magic-byte check, then refuses it with 415: libvips here has no HEVC decoder', async () => {
    // If this starts failing because the HEIC is accepted, sharp gained HEVC decoding:
    // turn this into a success test and drop the limitation from the docs.
    const err = await expectMediaError(ingest(streamOf(TINY_HEIC)), 'heic_undecodable', 415)
    expect(err.message).toContain('HEIC')
  })

  it('accepts exactly maxBytes and refuses one byte more with 413', async () => {
    const image = await png(64, 64)
    await expect(ingest(streamOf(image), { maxBytes: image.length })).resolves.toMatchObject({ sourceBytes: image.length })
    const err = await expectMediaError(ingest(streamOf(image), { maxBytes: image.length - 1 }), 'too_large', 413)
    expect(err.message).toMatch(/MB/)
    await expectMediaError(ingest(image, { maxBytes: image.length - 1 }), 'too_large', 413)
  })

  it('stops reading a > 15 MB upload at the limit instead of buffering it all', async () => {
    const head = await jpegWithExif(64, 64) // valid magic bytes, so only the size can refuse it
    const total = 40 * 1024 * 1024
    let pulled = 0
    const upload = new Readable({
      read() {
        if (pulled >= total) return this.push(null)
        const chunk = pulled === 0 ? head : Buffer.alloc(64 * 1024, 0x42)
        pulled += chunk.length
        this.push(chunk)
      }
    })
    const err = await expectMediaError(ingest(upload), 'too_large', 413)
    expect(err.message).toContain('15 MB')
    expect(pulled).toBeGreaterThan(MAX_UPLOAD_BYTES)
    expect(pulled).toBeLessThan(MAX_UPLOAD_BYTES + 1024 * 1024)
    expect(upload.destroyed).toBe(true)
  })

  it('reports an upload that breaks off as 400, not as a server error', async () => {
    const image = await png(64, 64)
    const broken = new Readable({
      read() {
        this.push(image.subarray(0, 10))
        this.destroy(new Error('client went away'))
      }
    })
    await expectMediaError(ingest(broken), 'upload_aborted', 400)
  })
})
