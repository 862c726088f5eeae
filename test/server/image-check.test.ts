import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { startFakeWechat, postMediaCheckEvent, wechatSignature, type FakeWechat } from '../fake-wechat/server'
import { photoUpload } from '../helpers/multipart'
import { png } from '../helpers/images'
import { runMediaCheckTimeouts } from '../../server/jobs/media-check-timeouts'
import type { SessionView } from '../../domain/schemas/auth'

// Issue 8: in live mode every image a WeChat user uploads goes through wxa/media_check_async;
// WeChat fetches it through a signed, expiring link and pushes the verdict (wxa_media_check) to
// POST /api/wechat/events, signed with the callback token. Until then it is shown to no one.
const CALLBACK_TOKEN = 'zhibaoCallbackToken1'
const PUBLIC = 'https://zhibao.example.gov.cn'
let wx: FakeWechat
let t: TestApp
let officer: SessionView
let staff: SessionView
let n = 0
beforeAll(async () => {
  wx = await startFakeWechat()
  t = await createTestApp({ WECHAT_MODE: 'live', WECHAT_API_BASE: wx.baseUrl, WECHAT_APPID: wx.appId, WECHAT_SECRET: wx.secret, WECHAT_CALLBACK_TOKEN: CALLBACK_TOKEN, PUBLIC_BASE_URL: PUBLIC })
  // A WeChat user made an officer, so the photo can go on a case and staff can look for it.
  officer = (await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok:openid-officer-1' } })).json()
  const admin = await t.db.insertInto('app_user').values({ org_id: t.orgId, name: '管理员', roles: ['citizen', 'admin'] }).returning(['id', 'org_id']).executeTakeFirstOrThrow()
  const adminSession = await t.app.openSession(admin)
  const inv = (await t.app.inject({ method: 'POST', url: '/api/invitations', headers: bearer(adminSession), payload: { role: 'officer' } })).json()
  await t.app.inject({ method: 'POST', url: '/api/invitations/redeem', headers: bearer(officer), payload: { code: inv.code } })
  const staffUser = await t.db.insertInto('app_user').values({ org_id: t.orgId, name: '王宣传', roles: ['citizen', 'staff'] }).returning(['id', 'org_id']).executeTakeFirstOrThrow()
  staff = await t.app.openSession(staffUser)
})
afterAll(async () => {
  await t.close()
  await wx.close()
})

async function upload() {
  const { payload, headers } = photoUpload(await png(64 + n, 48, false), 'p.png', 'image/png')
  n++
  const res = await t.app.inject({ method: 'POST', url: '/api/media', headers: { ...bearer(officer), ...headers }, payload })
  expect(res.statusCode).toBe(201)
  return res.json() as { id: string; url: string }
}
const moderationOf = async (id: string) => (await t.db.selectFrom('media').select(['moderation', 'check_trace_id', 'check_label']).where('id', '=', id).executeTakeFirstOrThrow())
const deliver = (traceId: string, suggest: 'pass' | 'review' | 'risky', extra: { signature?: string } = {}) =>
  postMediaCheckEvent(t.app, { url: '/api/wechat/events', token: CALLBACK_TOKEN, appId: wx.appId, traceId, suggest, ...extra })
async function caseWith(mediaId: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: bearer(officer),
    payload: { clientId: `img-check-${mediaId}`, title: '节前检查', body: '对农贸市场开展检查。', occurredAt: '2026-11-25T02:00:00.000Z', mediaIds: [mediaId] }
  })
  expect(res.statusCode).toBe(201)
  return res.json() as { id: string; photos: unknown[] }
}
const staffPhotos = async (itemId: string) => (await t.app.inject({ method: 'GET', url: `/api/items/${itemId}`, headers: bearer(staff) })).json().photos as { id: string }[]
const queue = async () => (await t.app.inject({ method: 'GET', url: '/api/moderation', headers: bearer(staff) })).json()

it('asks media_check_async with a signed link WeChat can fetch; the image is pending and shown to no one', async () => {
  const media = await upload()
  const call = wx.mediaChecks.at(-1)!
  expect(call).toMatchObject({ openid: 'openid-officer-1', scene: 3 })
  expect(call.mediaUrl.startsWith(`${PUBLIC}/api/media/${media.id}/full?exp=`)).toBe(true)
  const req = wx.requests.filter((r) => r.path === '/wxa/media_check_async').at(-1)!
  expect(req.body).toMatchObject({ media_type: 2, version: 2 })
  // WeChat's fetch, through the signed link, works without a token.
  const fetched = await t.app.inject({ method: 'GET', url: call.mediaUrl.slice(PUBLIC.length) })
  expect(fetched.statusCode).toBe(200)
  expect(await moderationOf(media.id)).toMatchObject({ moderation: 'pending', check_trace_id: call.traceId })
  const item = await caseWith(media.id)
  expect(await staffPhotos(item.id)).toEqual([])

  // pass: it appears.
  const res = await deliver(call.traceId, 'pass')
  expect(res.statusCode).toBe(200)
  expect(res.body).toBe('success')
  expect((await moderationOf(media.id)).moderation).toBe('clear')
  expect((await staffPhotos(item.id)).map((p) => p.id)).toEqual([media.id])
})

it('risky: quarantined, hidden everywhere (even old links), staff see 已隔离 without the picture', async () => {
  const media = await upload()
  const item = await caseWith(media.id)
  const link = wx.mediaChecks.at(-1)!.mediaUrl.slice(PUBLIC.length)
  await deliver(wx.mediaChecks.at(-1)!.traceId, 'risky')
  expect(await moderationOf(media.id)).toMatchObject({ moderation: 'quarantined', check_label: 20002 })
  expect(await staffPhotos(item.id)).toEqual([])
  expect((await t.app.inject({ method: 'GET', url: link })).statusCode).toBe(404)
  const entry = (await queue()).media.find((m: { id: string }) => m.id === media.id)
  expect(entry).toMatchObject({ moderation: 'quarantined', thumbUrl: null, itemId: item.id, label: '色情' })
})

it('review: held for staff, who see it in the queue and approve or quarantine it', async () => {
  const media = await upload()
  const item = await caseWith(media.id)
  await deliver(wx.mediaChecks.at(-1)!.traceId, 'review')
  expect((await moderationOf(media.id)).moderation).toBe('held')
  const entry = (await queue()).media.find((m: { id: string }) => m.id === media.id)
  expect(entry.thumbUrl).toMatch(new RegExp(`^/api/media/${media.id}/thumb\\?exp=`))
  expect(await staffPhotos(item.id)).toEqual([])
  const approved = await t.app.inject({ method: 'POST', url: `/api/moderation/media/${media.id}`, headers: bearer(staff), payload: { action: 'approve' } })
  expect(approved.json()).toEqual({ id: media.id, moderation: 'clear' })
  expect((await staffPhotos(item.id)).map((p) => p.id)).toEqual([media.id])
  // A late or repeated push changes nothing once decided.
  await deliver(wx.mediaChecks.at(-1)!.traceId, 'review')
  expect((await moderationOf(media.id)).moderation).toBe('clear')
  expect((await t.app.inject({ method: 'POST', url: `/api/moderation/media/${media.id}`, headers: bearer(officer), payload: { action: 'refuse' } })).statusCode).toBe(403)
})

it('the callback verifies the signature and the timestamp; an unknown trace id changes nothing', async () => {
  const media = await upload()
  const traceId = wx.mediaChecks.at(-1)!.traceId
  expect((await deliver(traceId, 'pass', { signature: 'f'.repeat(40) })).statusCode).toBe(403)
  expect((await moderationOf(media.id)).moderation).toBe('pending')
  const old = String(Math.floor(Date.now() / 1000) - 3600)
  const stale = await t.app.inject({
    method: 'POST',
    url: `/api/wechat/events?signature=${wechatSignature(CALLBACK_TOKEN, old, 'n1')}&timestamp=${old}&nonce=n1`,
    payload: { Event: 'wxa_media_check', trace_id: traceId, result: { suggest: 'pass', label: 100 } }
  })
  expect(stale.statusCode).toBe(403)
  expect((await t.app.inject({ method: 'POST', url: '/api/wechat/events', payload: {} })).statusCode).toBe(400)
  expect((await deliver('no-such-trace', 'pass')).statusCode).toBe(200)
  expect((await moderationOf(media.id)).moderation).toBe('pending')
})

it('GET answers the console URL check with echostr when signed', async () => {
  const ts = String(Math.floor(Date.now() / 1000))
  const ok = await t.app.inject({ method: 'GET', url: `/api/wechat/events?signature=${wechatSignature(CALLBACK_TOKEN, ts, 'abc')}&timestamp=${ts}&nonce=abc&echostr=hello123` })
  expect(ok.statusCode).toBe(200)
  expect(ok.body).toBe('hello123')
  expect((await t.app.inject({ method: 'GET', url: `/api/wechat/events?signature=${'0'.repeat(40)}&timestamp=${ts}&nonce=abc&echostr=x` })).statusCode).toBe(403)
})

it('a result that never arrives: the timeout job holds the image for staff', async () => {
  const media = await upload()
  expect(await runMediaCheckTimeouts(t.db, new Date(), 30)).toEqual([])
  const held = await runMediaCheckTimeouts(t.db, new Date(Date.now() + 31 * 60_000), 30)
  expect(held.map((h) => h.id)).toContain(media.id)
  expect((await moderationOf(media.id)).moderation).toBe('held')
  // WeChat's late verdict may still quarantine it.
  await deliver(wx.mediaChecks.at(-1)!.traceId, 'risky')
  expect((await moderationOf(media.id)).moderation).toBe('quarantined')
})

it('WeChat refusing the request: the image is held at once, never shown unchecked', async () => {
  wx.failWith = -1
  const media = await upload()
  wx.failWith = null
  expect((await moderationOf(media.id)).moderation).toBe('held')
})

it('without a callback token the route refuses every push', async () => {
  const plain = await createTestApp()
  const ts = String(Math.floor(Date.now() / 1000))
  const res = await plain.app.inject({ method: 'GET', url: `/api/wechat/events?signature=${wechatSignature('x', ts, 'n')}&timestamp=${ts}&nonce=n&echostr=e` })
  expect(res.statusCode).toBe(404)
  // Dev mode: an upload is clear at once, no WeChat call.
  const citizen = await plain.login('citizen', '本地')
  const { payload, headers } = photoUpload(await png(40, 30, false), 'p.png', 'image/png')
  const up = (await plain.app.inject({ method: 'POST', url: '/api/media', headers: { ...bearer(citizen), ...headers }, payload })).json()
  expect((await plain.db.selectFrom('media').select('moderation').where('id', '=', up.id).executeTakeFirstOrThrow()).moderation).toBe('clear')
  await plain.close()
})
