// Issue 8 "Phone number": WeChat's phone button gives a one-time code; the server exchanges it
// through wxa/business/getuserphonenumber and hands the number back to its owner only.
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { startFakeWechat, type FakeWechat } from '../fake-wechat/server'
import type { SessionView } from '../../domain/schemas/auth'

let wx: FakeWechat
let live: TestApp
let dev: TestApp
let citizen: SessionView
beforeAll(async () => {
  wx = await startFakeWechat()
  live = await createTestApp({ WECHAT_MODE: 'live', WECHAT_API_BASE: wx.baseUrl, WECHAT_APPID: wx.appId, WECHAT_SECRET: wx.secret })
  dev = await createTestApp()
  citizen = (await live.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok:openid-phone' } })).json()
}, 120_000)
afterAll(async () => {
  await live.close()
  await dev.close()
  await wx.close()
})

const exchange = (code: unknown, who: SessionView | null = citizen, app = live) =>
  app.app.inject({ method: 'POST', url: '/api/me/phone', headers: who ? bearer(who) : {}, payload: { code } as object })

it('exchanges the code for the number with the documented request, and stores nothing', async () => {
  const res = await exchange('phone-13912345678')
  expect(res.statusCode).toBe(200)
  expect(res.json()).toEqual({ phone: '13912345678' })
  const call = wx.requests.find((r) => r.path === '/wxa/business/getuserphonenumber')!
  expect(call).toMatchObject({ method: 'POST', body: { code: 'phone-13912345678' }, query: { access_token: expect.stringMatching(/^fake-access-token-/) } })
  const stored = await live.db.selectFrom('message').select('contact_phone').where('contact_phone', '=', '13912345678').execute()
  expect(stored).toEqual([])
})

it('an invalid or used code (40029) says to tap again or type the number', async () => {
  const res = await exchange('used-code')
  expect(res.statusCode).toBe(400)
  expect(res.json()).toMatchObject({ error: 'wechat_invalid_code', message: expect.stringMatching(/再点一次.*直接填写手机号/) })
})

it('45011 is a 429 and -1 a 503, each suggesting to type the number', async () => {
  const busy = await exchange('busy')
  expect(busy.statusCode).toBe(429)
  expect(busy.json().message).toMatch(/直接填写手机号/)
  expect((await exchange('system')).statusCode).toBe(503)
})

it('a number outside the mainland is refused with what to do', async () => {
  const res = await exchange('foreign-91234567')
  expect(res.statusCode).toBe(400)
  expect(res.json().message).toMatch(/中国大陆 11 位手机号/)
})

it('refuses a malformed code before calling WeChat, and anyone not signed in', async () => {
  const calls = wx.requests.length
  expect((await exchange('')).statusCode).toBe(400)
  expect((await exchange('a b')).statusCode).toBe(400)
  expect((await exchange('x'.repeat(129))).statusCode).toBe(400)
  expect(wx.requests.length).toBe(calls)
  expect((await exchange('phone-13912345678', null)).statusCode).toBe(401)
})

it('in dev mode makes no WeChat call and asks to type the number', async () => {
  const who = await dev.login('citizen', '开发')
  const calls = wx.requests.length
  const res = await exchange('phone-13912345678', who, dev)
  expect(res.statusCode).toBe(400)
  expect(res.json()).toMatchObject({ error: 'wechat_dev_mode', message: expect.stringMatching(/直接填写手机号/) })
  expect(wx.requests.length).toBe(calls)
})
