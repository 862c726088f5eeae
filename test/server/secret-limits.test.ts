import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { startFakeWechat, type FakeWechat } from '../fake-wechat/server'

let t: TestApp
let wx: FakeWechat
beforeAll(async () => {
  wx = await startFakeWechat()
  // Dev mode, but pointed at the fake WeChat so any call it made would be counted.
  t = await createTestApp({ WECHAT_API_BASE: wx.baseUrl })
})
afterAll(async () => {
  await t.close()
  await wx.close()
})

const passwordLogin = (username: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { username, password: 'guess' }, remoteAddress })

describe('password login is limited per address and per username', () => {
  it('per address: the 21st try in a minute is a 429, whatever the usernames', async () => {
    const statuses = []
    for (let i = 0; i < 21; i++) statuses.push((await passwordLogin(`user${i}`, '10.2.0.1')).statusCode)
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401))
    expect(statuses[20]).toBe(429)
  })

  it('per username: ten tries from ten addresses, then that username is a 429 from anywhere; others are not', async () => {
    for (let i = 0; i < 10; i++) expect((await passwordLogin('admin', `10.3.0.${i}`)).statusCode).toBe(401)
    const blocked = await passwordLogin('ADMIN', '10.3.1.1')
    expect(blocked.statusCode).toBe(429)
    expect(blocked.json().message).toMatch(/分钟后再试/)
    expect((await passwordLogin('someone-else', '10.3.1.1')).statusCode).toBe(401)
  })
})

describe('invitation codes are limited per account and per address', () => {
  const redeem = (s: { token: string }, code: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/invitations/redeem', headers: bearer(s), payload: { code }, remoteAddress })

  it('per account: the 11th guess in ten minutes is a 429', async () => {
    const guesser = await t.login('citizen', '猜码一号')
    for (let i = 0; i < 10; i++) expect((await redeem(guesser, `GUESS00${i}`, `10.4.0.${i}`)).statusCode).toBe(400)
    expect((await redeem(guesser, 'GUESS010', '10.4.0.99')).statusCode).toBe(429)
  })

  it('per address: many accounts on one address share 30 guesses', async () => {
    const statuses: number[] = []
    for (let a = 0; a < 4; a++) {
      const account = await t.login('citizen', `小号${a}`)
      for (let i = 0; i < 8; i++) statuses.push((await redeem(account, `ADDR${a}${i}XX`, '10.5.0.1')).statusCode)
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(400))
    expect(statuses.slice(30)).toEqual([429, 429])
  })
})

describe('dev mode makes no WeChat calls', () => {
  it('/api/auth/wechat answers a 4xx pointing to dev login, and WeChat is never called', async () => {
    const before = wx.requests.length
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok:openid-dev' } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'wechat_dev_mode', message: expect.stringMatching(/开发模式登录/) })
    expect(wx.requests.length).toBe(before)
  })
})
