// The capture time and place the phone read from the original photo before compressing it:
// sent as multipart fields before the file, validated, stored apart from the server's own EXIF.
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { multipart } from '../helpers/multipart'
import { jpegWithExif, noise } from '../helpers/images'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let officer: SessionView
let citizen: SessionView
let staff: SessionView
beforeAll(async () => {
  t = await createTestApp()
  const admin = await t.login('admin', '管理员')
  const inv = (await t.app.inject({ method: 'POST', url: '/api/invitations', headers: bearer(admin), payload: { role: 'officer' } })).json()
  // Roles are read on every request: the same sign-in is an officer once the code is redeemed.
  officer = await t.login('citizen', '李干部')
  await t.app.inject({ method: 'POST', url: '/api/invitations/redeem', headers: bearer(officer), payload: { code: inv.code } })
  citizen = await t.login('citizen', '拍照群众')
  staff = await t.login('staff', '王宣传')
}, 120_000)
afterAll(() => t.close())

/** What the app sends: a compressed photo with no EXIF left, and the fields before it. */
const compressed = (seed: number) => noise(640 + seed, 480).jpeg({ quality: 75 }).toBuffer()
function upload(session: SessionView, file: Buffer, fields: Record<string, string>) {
  const { payload, headers } = multipart([
    ...Object.entries(fields).map(([name, data]) => ({ name, data })),
    { name: 'file', filename: 'photo.jpg', contentType: 'image/jpeg', data: file }
  ])
  return t.app.inject({ method: 'POST', url: '/api/media', headers: { ...bearer(session), ...headers }, payload })
}
const row = (id: string) => t.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

it('stores what the officer’s phone reported apart from what the server read, and staff see both', async () => {
  const res = await upload(officer, await compressed(1), { deviceTakenAt: '2026-11-25T10:05:00+08:00', deviceLat: '34.25', deviceLng: '108.9333333' })
  expect(res.statusCode).toBe(201)
  const media = res.json()
  // The compressed file has no EXIF: the server read nothing itself.
  expect(media.takenAt).toBeUndefined()
  expect(media.deviceTakenAt).toBe('2026-11-25T02:05:00.000Z')
  const stored = await row(media.id)
  expect(stored).toMatchObject({ taken_at: null, gps_lat: null, gps_lng: null, device_lat: 34.25, device_lng: 108.9333333 })
  expect(stored.device_taken_at?.toISOString()).toBe('2026-11-25T02:05:00.000Z')

  const created = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: bearer(officer),
    payload: { clientId: 'device-evidence-01', title: '城关所检查', body: '现场检查。', occurredAt: '2026-11-25T02:00:00.000Z', mediaIds: [media.id] }
  })
  expect(created.statusCode).toBe(201)
  const detail = (await t.app.inject({ method: 'GET', url: `/api/items/${created.json().id}`, headers: bearer(staff) })).json()
  expect(detail.photos[0]).toMatchObject({ deviceTakenAt: '2026-11-25T02:05:00.000Z', deviceGps: { lat: 34.25, lng: 108.9333333 }, gps: null })
  expect(detail.photos[0].takenAt).toBeUndefined()
})

it('keeps the server’s own EXIF reading when the file still has it, beside the device’s', async () => {
  const original = await jpegWithExif(800, 600, { dateTimeOriginal: '2026:11:25 09:00:00' })
  const media = (await upload(officer, original, { deviceTakenAt: '2026-11-25T09:30:00+08:00' })).json()
  expect(media).toMatchObject({ takenAt: '2026-11-25T01:00:00.000Z', deviceTakenAt: '2026-11-25T01:30:00.000Z' })
})

it('keeps no device evidence at all from a citizen, even reported by the phone (issue 8: citizens’ photos are not evidence)', async () => {
  const res = await upload(citizen, await compressed(2), { deviceTakenAt: '2026-11-25T10:05:00+08:00', deviceLat: '34.25', deviceLng: '108.93' })
  expect(res.statusCode).toBe(201)
  expect(await row(res.json().id)).toMatchObject({ device_taken_at: null, device_lat: null, device_lng: null })
  expect(res.json().deviceTakenAt).toBeUndefined()
})

it('drops an implausible clock or a 0,0 fix without refusing the photo', async () => {
  const future = new Date(Date.now() + 3 * 24 * 3600_000).toISOString()
  const odd: Record<string, string>[] = [{ deviceTakenAt: '1970-01-01T00:00:00Z' }, { deviceTakenAt: future }, { deviceLat: '0', deviceLng: '0' }]
  for (const [i, fields] of odd.entries()) {
    const res = await upload(officer, await compressed(10 + i), fields)
    expect(res.statusCode).toBe(201)
    expect(await row(res.json().id)).toMatchObject({ device_taken_at: null, device_lat: null, device_lng: null })
  }
})

it.each([
  [{ deviceTakenAt: '2026-11-25 10:05' }, 'deviceTakenAt'],
  [{ deviceTakenAt: '2026-11-25T10:05:00' }, '带时区'],
  [{ deviceLat: '34.25' }, '同时提供'],
  [{ deviceLat: '91', deviceLng: '108' }, '-90 到 90'],
  [{ deviceLat: '34', deviceLng: '-180.5' }, '-180 到 180'],
  [{ deviceLat: 'north', deviceLng: '108' }, 'deviceLat']
])('refuses malformed device fields %j with a Chinese 400 naming the field, and stores nothing', async (fields, words) => {
  const before = (await t.db.selectFrom('media').select('id').execute()).length
  const res = await upload(officer, await compressed(30), fields as Record<string, string>)
  expect(res.statusCode).toBe(400)
  expect(res.json().message).toContain(words)
  expect((await t.db.selectFrom('media').select('id').execute()).length).toBe(before)
})
