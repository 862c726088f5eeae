import { createTestApp, type TestApp } from '../helpers/test-app'
import { startFakeWechat, type FakeWechat } from '../fake-wechat/server'
import { WechatClient } from '../../server/wechat/client'
import { dbTokenStore } from '../../server/services/wechat-token'

// Issue 8: the access_token comes from cgi-bin/stable_token, is refreshed five minutes before it
// expires, and is shared by every server process through the database. Two WechatClients on the
// same database stand for two server processes.
let wx: FakeWechat
let t: TestApp
beforeAll(async () => {
  wx = await startFakeWechat()
  t = await createTestApp({ WECHAT_MODE: 'live', WECHAT_API_BASE: wx.baseUrl, WECHAT_APPID: wx.appId, WECHAT_SECRET: wx.secret })
})
afterAll(async () => {
  await t.close()
  await wx.close()
})
beforeEach(async () => {
  wx.tokens.expiresIn = 7200
  // The fake hands out its current token again while valid: start each test from none.
  wx.tokens.expireAll()
  wx.requests.length = 0
  await t.db.deleteFrom('wechat_token').execute()
})

const process = () => new WechatClient({ apiBase: wx.baseUrl, appId: wx.appId, secret: wx.secret }, 5000, dbTokenStore(t.db))
const tokenCalls = () => wx.requests.filter((r) => r.path === '/cgi-bin/stable_token')
const check = (client: WechatClient) => client.postWithToken<{ result?: { suggest: string } }>('/wxa/msg_sec_check', { content: '你好', version: 2, scene: 1, openid: 'o1' })

test('one process fetches the token, the others read it from the database', async () => {
  const a = process()
  const b = process()
  const first = await a.accessToken()
  expect(await b.accessToken()).toBe(first)
  expect(await t.app.wechat.accessToken()).toBe(first)
  expect(tokenCalls()).toHaveLength(1)
  const row = await t.db.selectFrom('wechat_token').selectAll().executeTakeFirstOrThrow()
  expect(row).toMatchObject({ appid: wx.appId, access_token: first })
  expect(row.expires_at.getTime()).toBeGreaterThan(Date.now() + 7000_000)
})

test('processes racing for a missing token call stable_token once', async () => {
  const clients = [process(), process(), process(), process()]
  const tokens = await Promise.all(clients.map((c) => c.accessToken()))
  expect(new Set(tokens).size).toBe(1)
  expect(tokenCalls()).toHaveLength(1)
})

test('a token within five minutes of its expiry is renewed before use', async () => {
  wx.tokens.expiresIn = 299
  const a = process()
  await a.accessToken()
  await a.accessToken()
  expect(tokenCalls()).toHaveLength(2)
  wx.tokens.expiresIn = 301
  wx.tokens.expireAll()
  await t.db.deleteFrom('wechat_token').execute()
  await a.accessToken()
  await a.accessToken()
  expect(tokenCalls()).toHaveLength(3)
})

test.each([
  ['40001 (invalid: renewed elsewhere)', () => wx.tokens.invalidateAll()],
  ['42001 (expired)', () => wx.tokens.expireAll()]
])('a call refused with %s renews the token with force_refresh and is repeated once', async (_name, kill) => {
  const a = process()
  const old = await a.accessToken()
  kill()
  const body = await check(a)
  expect(body).toMatchObject({ errcode: 0, result: { suggest: 'pass' } })
  const renewed = await a.accessToken()
  expect(renewed).not.toBe(old)
  expect(tokenCalls().at(-1)!.body).toMatchObject({ force_refresh: true })
  expect((await t.db.selectFrom('wechat_token').select('access_token').executeTakeFirstOrThrow()).access_token).toBe(renewed)
})

test('a refused token another process already replaced is not renewed again', async () => {
  const a = process()
  const b = process()
  const old = await a.accessToken()
  wx.tokens.invalidateAll()
  // b hits the dead token first and renews it; a then finds b's token in the database.
  expect(await check(b)).toMatchObject({ errcode: 0 })
  const calls = tokenCalls().length
  expect(await check(a)).toMatchObject({ errcode: 0 })
  expect(tokenCalls()).toHaveLength(calls)
  expect(await a.accessToken()).not.toBe(old)
})
