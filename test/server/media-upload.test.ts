import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { photoUpload, multipart } from '../helpers/multipart'
import { hasExifMarker, jpegWithExif, png, pngBomb, webp } from '../helpers/images'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let officer: SessionView
let citizen: SessionView
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zb-media-'))
const GPS = { latRef: 'N' as const, lat: '34/1 15/1 0/1', lngRef: 'E' as const, lng: '108/1 56/1 0/1' }

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: mediaDir })
  officer = await t.login('officer', '现场干部')
  citizen = await t.login('citizen', '拍照群众')
})
afterAll(() => t.close())

const upload = (session: SessionView, data: Buffer, filename?: string, contentType?: string) => {
  const { payload, headers } = photoUpload(data, filename, contentType)
  return t.app.inject({ method: 'POST', url: '/api/media', headers: { ...bearer(session), ...headers }, payload })
}

/** Every file under the local media folder: what the storage really holds. */
function storedFiles(): Buffer[] {
  const root = path.join(mediaDir, 'media')
  if (!fs.existsSync(root)) return []
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.includes('.tmp'))
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name)))
}

describe('POST /api/media', () => {
  it('stores a normalised JPEG and a thumbnail without metadata; officers keep capture time and GPS as evidence', async () => {
    const photo = await jpegWithExif(3000, 2000, { dateTimeOriginal: '2026:11:20 09:30:00', offsetTimeOriginal: '+08:00', gps: GPS, orientation: 6 })
    const res = await upload(officer, photo)
    expect(res.statusCode).toBe(201)
    const m = res.json()
    // Orientation 6 is applied: portrait, long side capped at 2,560.
    expect(m).toMatchObject({ width: 1707, height: 2560, takenAt: '2026-11-20T01:30:00.000Z' })
    const row = await t.db.selectFrom('media').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow()
    expect(row.gps_lat).toBeCloseTo(34.25, 3)
    expect(row.gps_lng).toBeCloseTo(108.9333, 3)

    const full = await t.app.inject({ method: 'GET', url: m.url })
    expect(full.statusCode).toBe(200)
    expect(full.headers['content-type']).toBe('image/jpeg')
    const thumb = await t.app.inject({ method: 'GET', url: m.thumbUrl })
    const thumbMeta = await sharp(thumb.rawPayload).metadata()
    expect(Math.max(thumbMeta.width!, thumbMeta.height!)).toBe(480)
    for (const bytes of [full.rawPayload, thumb.rawPayload, ...storedFiles()]) {
      expect(hasExifMarker(bytes)).toBe(false)
      expect((await sharp(bytes).metadata()).exif).toBeUndefined()
    }
  })

  it('never keeps a citizen’s GPS, in the database or in the stored bytes', async () => {
    const photo = await jpegWithExif(800, 600, { dateTimeOriginal: '2026:11:21 10:00:00', gps: GPS })
    const res = await upload(citizen, photo)
    expect(res.statusCode).toBe(201)
    const row = await t.db.selectFrom('media').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow()
    expect(row.gps_lat).toBeNull()
    expect(row.gps_lng).toBeNull()
    for (const bytes of storedFiles()) expect(hasExifMarker(bytes)).toBe(false)
  })

  it('the same photo uploaded twice is stored once', async () => {
    const photo = await png(640, 480)
    const before = storedFiles().length
    const a = await upload(officer, photo, 'a.png', 'image/png')
    const b = await upload(officer, photo, 'b.png', 'image/png')
    expect(a.json().id).toBe(b.json().id)
    expect(storedFiles().length).toBe(before + 2) // one full image, one thumbnail
  })

  it('accepts WebP', async () => {
    expect((await upload(citizen, await webp(300, 200), 'x.webp', 'image/webp')).statusCode).toBe(201)
  })

  it('refuses what is not an image by its bytes, whatever its name says: 415', async () => {
    const res = await upload(citizen, Buffer.from('这不是图片，只是改了扩展名'.repeat(50)), 'fake.jpg', 'image/jpeg')
    expect(res.statusCode).toBe(415)
    expect(res.json().message).toMatch(/JPEG/)
  })

  it('refuses a corrupt image and a decompression bomb: 422', async () => {
    const photo = await jpegWithExif(800, 600)
    const truncated = await upload(officer, photo.subarray(0, Math.floor(photo.length / 2)))
    expect(truncated.statusCode).toBe(422)
    const bomb = await upload(officer, pngBomb(), 'bomb.png', 'image/png')
    expect(bomb.statusCode).toBe(422)
    expect(bomb.json().message).toEqual(expect.any(String))
  })

  it('refuses more than 15 MB: 413, and leaves nothing behind', async () => {
    const before = storedFiles().length
    const rows = await t.db.selectFrom('media').select('id').execute()
    const big = Buffer.concat([await jpegWithExif(100, 100), Buffer.alloc(16 * 1024 * 1024, 1)])
    const res = await upload(officer, big)
    expect(res.statusCode).toBe(413)
    expect(res.json().message).toMatch(/15 MB/)
    expect(storedFiles().length).toBe(before)
    expect(await t.db.selectFrom('media').select('id').execute()).toHaveLength(rows.length)
  })

  it('wrong request shapes get clear 4xx answers', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/api/media', headers: bearer(officer), payload: { file: 'x' } })
    expect(json.statusCode).toBe(415)
    const wrongField = multipart([{ name: 'photo', filename: 'a.jpg', contentType: 'image/jpeg', data: await jpegWithExif(10, 10) }])
    const res = await t.app.inject({ method: 'POST', url: '/api/media', headers: { ...bearer(officer), ...wrongField.headers }, payload: wrongField.payload })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toMatch(/file/)
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/media', ...photoUpload(await png(10, 10)) })
    expect(anonymous.statusCode).toBe(401)
  })
})

describe('media links', () => {
  it('are signed and expire: no signature, a tampered one or an old one gets 403', async () => {
    const m = (await upload(officer, await png(50, 50, true), 'p.png', 'image/png')).json()
    expect((await t.app.inject({ method: 'GET', url: m.url })).statusCode).toBe(200)
    const bare = m.url.split('?')[0]
    expect((await t.app.inject({ method: 'GET', url: bare })).statusCode).toBe(403)
    const tampered = m.url.replace(/sig=(.)/, (_: string, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`)
    expect((await t.app.inject({ method: 'GET', url: tampered })).statusCode).toBe(403)
    const otherVariant = m.url.replace('/full?', '/thumb?')
    expect((await t.app.inject({ method: 'GET', url: otherVariant })).statusCode).toBe(403)
    const expired = m.url.replace(/exp=\d+/, 'exp=1000')
    expect((await t.app.inject({ method: 'GET', url: expired })).statusCode).toBe(403)
  })
})
