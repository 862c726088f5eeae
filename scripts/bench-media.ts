// Image-ingest benchmark: raw sharp vs the full HTTP path (POST /api/media on a real listener:
// multipart, auth, ingest, storage, database) on camera-sized JPEGs, and the upload size the
// client's compression saves. Run: npm run bench:media (BENCH_QUICK=1 for 3 images instead
// of 8). Last line: `media ingest ratio to raw sharp: X`, where X = HTTP ingest throughput ÷
// raw sharp throughput in the same run (1.00 = no overhead).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import sharp from 'sharp'
import { ingestImage, MAX_LONG_SIDE, THUMB_LONG_SIDE } from '../server/media'
import { CLIENT_JPEG_QUALITY, CLIENT_PHOTO_LONG_SIDE } from '../domain/media'
import { startBenchServer } from './bench-server'

const QUICK = process.env.BENCH_QUICK === '1'
const IMAGE_COUNT = QUICK ? 3 : 8
const ROUNDS = QUICK ? 3 : 5
const CAMERA = { width: 4000, height: 3000 } // 12 MP
const CLIENT = { longSide: CLIENT_PHOTO_LONG_SIDE, quality: Math.round(CLIENT_JPEG_QUALITY * 100) } // what the app sends

/**
 * Camera-like JPEGs: blurred noise over a gradient compresses about like a photo
 * (a few MB at quality 92) where plain noise would not; each image differs.
 */
export async function cameraPhotos(count: number): Promise<Buffer[]> {
  const photos: Buffer[] = []
  for (let i = 0; i < count; i++) {
    const grain = await sharp({
      create: { ...CAMERA, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 110 + i * 5, sigma: 60 } }
    })
      .blur(1.2)
      .raw()
      .toBuffer()
    const photo = await sharp(grain, { raw: { ...CAMERA, channels: 3 } })
      .modulate({ hue: i * 40 })
      .jpeg({ quality: 92 })
      .withExif({ IFD2: { DateTimeOriginal: '2025:03:01 10:00:00' } })
      .toBuffer()
    photos.push(photo)
  }
  return photos
}

/** The same image work as ingest, with nothing around it: the floor to compare with. */
export async function rawSharp(photo: Buffer): Promise<void> {
  const full = await sharp(photo)
    .rotate()
    .resize({ width: MAX_LONG_SIDE, height: MAX_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 82 })
    .toBuffer()
  await sharp(full).resize({ width: THUMB_LONG_SIDE, height: THUMB_LONG_SIDE, fit: 'inside' }).jpeg({ quality: 75 }).toBuffer()
}

/** Splits a buffer into 64 KB chunks, as a multipart upload arrives. */
const uploadStream = (bytes: Buffer): Readable =>
  Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024)
    })()
  )

export type SendOne = (photo: Buffer) => Promise<void>

/**
 * Images per second through `sendOne`, one image at a time. `sendOne` can be raw sharp,
 * `ingestImage`, or an HTTP `POST /api/media` (app.inject or a real listener).
 */
export async function benchIngest(sendOne: SendOne, photos: Buffer[]): Promise<number> {
  const started = process.hrtime.bigint()
  for (const photo of photos) await sendOne(photo)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  return photos.length / seconds
}

/** Warm-up, then rounds that alternate the candidates so drift hits them alike; medians. */
export async function compare(candidates: Record<string, SendOne>, photos: Buffer[], rounds = ROUNDS): Promise<Record<string, number>> {
  for (const sendOne of Object.values(candidates)) await sendOne(photos[0])
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]))
  for (let round = 0; round < rounds; round++) {
    const order = Object.entries(candidates)
    if (round % 2 === 1) order.reverse()
    for (const [name, sendOne] of order) samples[name].push(await benchIngest(sendOne, photos))
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]))
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function clientCompressionShare(photos: Buffer[]): Promise<{ original: number; sent: number }> {
  let original = 0
  let sent = 0
  for (const photo of photos) {
    const compressed = await sharp(photo)
      .rotate()
      .resize({ width: CLIENT.longSide, height: CLIENT.longSide, fit: 'inside' })
      .jpeg({ quality: CLIENT.quality })
      .toBuffer()
    original += photo.length
    sent += compressed.length
  }
  return { original, sent }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2)

async function main(): Promise<void> {
  const tmpDir = await mkdtemp(join(tmpdir(), 'zhibao-bench-media-'))
  try {
    const photos = await cameraPhotos(IMAGE_COUNT)
    const average = photos.reduce((sum, p) => sum + p.length, 0) / photos.length
    console.log(`${photos.length} photos ${CAMERA.width}×${CAMERA.height}, average ${mb(average)} MB; ${ROUNDS} rounds after warm-up; sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, ${sharp.concurrency()} threads`)

    const server = await startBenchServer(tmpDir)
    await server.prepare(photos)
    const rates = await compare(
      {
        raw: rawSharp,
        ingest: async (photo) => {
          await ingestImage(uploadStream(photo), { keepGps: true, tmpDir })
        },
        http: server.upload
      },
      photos
    )
    await server.close()
    console.log(`raw sharp (rotate, resize ${MAX_LONG_SIDE}, jpeg, thumbnail ${THUMB_LONG_SIDE}): ${rates.raw.toFixed(2)} images/s`)
    console.log(`ingestImage (stream → memory, sniff, hash, EXIF, same work): ${rates.ingest.toFixed(2)} images/s`)
    console.log(`POST /api/media over HTTP (multipart, auth, ingest, storage, database row): ${rates.http.toFixed(2)} images/s`)

    const { original, sent } = await clientCompressionShare(photos)
    const share = (100 * sent) / original
    console.log(
      `client compression (long side ${CLIENT.longSide}, JPEG quality ${CLIENT.quality / 100}): ${mb(sent / photos.length)} MB of ${mb(original / photos.length)} MB per 12-MP photo = ${share.toFixed(1)}% (goal ≤ 15%: ${share <= 15 ? 'met' : 'NOT met'})`
    )
    console.log(`media ingest ratio to raw sharp: ${(rates.http / rates.raw).toFixed(2)}`)
  } finally {
    await rm(tmpDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err)
    process.exitCode = 1
  })
}
