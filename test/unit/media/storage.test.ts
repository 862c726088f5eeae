import { createHash } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import S3rver from '@20minutes/s3rver'
import { LocalStorage } from '../../../server/media/local-storage'
import { S3Storage } from '../../../server/media/s3-storage'
import { mediaKey, type MediaStorage } from '../../../server/media/storage'

const BUCKET = 'zhibao-media'

/** One backend under test: how to make it, and how to tear it down. */
interface Backend {
  name: string
  start(): Promise<{ storage: MediaStorage; stop(): Promise<void>; leftovers(): Promise<string[]> }>
}

const local: Backend = {
  name: 'LocalStorage',
  async start() {
    const root = await mkdtemp(join(tmpdir(), 'zhibao-storage-test-'))
    return {
      storage: new LocalStorage(root),
      // Atomic writes go through root/.tmp; nothing may be left there.
      leftovers: async () => readdir(join(root, '.tmp')).catch(() => []),
      stop: () => rm(root, { recursive: true, force: true })
    }
  }
}

const s3: Backend = {
  name: 'S3Storage (s3rver on 127.0.0.1)',
  async start() {
    const directory = await mkdtemp(join(tmpdir(), 'zhibao-s3rver-test-'))
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET }] })
    const { port } = await server.run()
    const storage = new S3Storage({
      endpoint: `http://127.0.0.1:${port}`,
      bucket: BUCKET,
      region: 'us-east-1',
      // s3rver's fixed development credentials.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true
    })
    return {
      storage,
      leftovers: async () => [],
      async stop() {
        storage.close()
        await server.close()
        await rm(directory, { recursive: true, force: true })
      }
    }
  }
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of body) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks)
}

const photoBytes = (seed: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from(seed.repeat(5000))])
const keyOf = (bytes: Buffer) => mediaKey(createHash('sha256').update(bytes).digest('hex'), 'full')

describe.each([local, s3])('$name', (backend) => {
  let storage: MediaStorage
  let env: Awaited<ReturnType<Backend['start']>>
  beforeAll(async () => {
    env = await backend.start()
    storage = env.storage
  })
  afterAll(async () => {
    await env?.stop()
  })

  it('stores, reads back, reports and deletes an object', async () => {
    const bytes = photoBytes('a')
    const key = keyOf(bytes)
    expect(await storage.exists(key)).toBe(false)
    await storage.put(key, bytes, 'image/jpeg')
    expect(await storage.exists(key)).toBe(true)
    const got = await storage.get(key)
    expect(got).toMatchObject({ size: bytes.length, contentType: 'image/jpeg' })
    expect((await readAll(got!.body)).equals(bytes)).toBe(true)
    await storage.delete(key)
    expect(await storage.exists(key)).toBe(false)
    expect(await storage.get(key)).toBeNull()
    expect(await env.leftovers()).toEqual([])
  })

  it('treats storing the same content twice (also concurrently) as a no-op', async () => {
    const bytes = photoBytes('b')
    const key = keyOf(bytes)
    await Promise.all([storage.put(key, bytes, 'image/jpeg'), storage.put(key, bytes, 'image/jpeg')])
    await storage.put(key, bytes, 'image/jpeg')
    const got = await storage.get(key)
    expect((await readAll(got!.body)).equals(bytes)).toBe(true)
    expect(await env.leftovers()).toEqual([])
  })

  it('keeps a thumbnail apart from its full image', async () => {
    const sha = createHash('sha256').update('c').digest('hex')
    await storage.put(mediaKey(sha, 'full'), Buffer.from('full'), 'image/jpeg')
    await storage.put(mediaKey(sha, 'thumb'), Buffer.from('thumb'), 'image/jpeg')
    expect((await readAll((await storage.get(mediaKey(sha, 'thumb')))!.body)).toString()).toBe('thumb')
    expect((await readAll((await storage.get(mediaKey(sha, 'full')))!.body)).toString()).toBe('full')
  })

  it('answers null / false for a missing key and deletes it without error', async () => {
    const key = mediaKey('0'.repeat(64), 'full')
    expect(await storage.get(key)).toBeNull()
    expect(await storage.exists(key)).toBe(false)
    await expect(storage.delete(key)).resolves.toBeUndefined()
  })

  it.each(['../etc/passwd', '/media/ab/x.jpg', 'media/../../x.jpg', 'media\\ab\\x.jpg', 'Media/AB.jpg', 'media//x.jpg', ''])(
    'refuses the key %j',
    async (key) => {
      await expect(storage.put(key, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/invalid storage key/)
      await expect(storage.get(key)).rejects.toThrow(/invalid storage key/)
      await expect(storage.exists(key)).rejects.toThrow(/invalid storage key/)
      await expect(storage.delete(key)).rejects.toThrow(/invalid storage key/)
    }
  )
})

describe('mediaKey', () => {
  it('shards by the first byte of the content hash', () => {
    const sha = 'ab'.padEnd(64, 'c')
    expect(mediaKey(sha, 'full')).toBe(`media/ab/${sha}.jpg`)
    expect(mediaKey(sha, 'thumb')).toBe(`media/ab/${sha}-thumb.jpg`)
  })

  it('refuses anything but a lowercase hex SHA-256', () => {
    expect(() => mediaKey('../x', 'full')).toThrow()
    expect(() => mediaKey('AB'.padEnd(64, 'C'), 'full')).toThrow()
  })
})
