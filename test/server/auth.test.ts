import { hash } from '@node-rs/argon2'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { startFakeWechat, type FakeWechat } from '../fake-wechat/server'

let wx: FakeWechat
let live: TestApp
let dev: TestApp
beforeAll(async () => {
  wx = await startFakeWechat()
  live = await createTestApp({ WECHAT_MODE: 'live', WECHAT_API_BASE: wx.baseUrl, WECHAT_APPID: wx.appId, WECHAT_SECRET: wx.secret })
  dev = await createTestApp()
})
afterAll(async () => {
  await live.close()
  await dev.close()
  await wx.close()
})

const wechatLogin = (code: unknown) => live.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })

describe('mini-program login through sns/jscode2session', () => {
  it('exchanges the code for our own token; a new WeChat user is a citizen', async () => {
    const res = await wechatLogin('ok:openid-alice')
    expect(res.statusCode).toBe(200)
    const session = res.json()
    expect(session.user).toMatchObject({ roles: ['citizen'], name: '微信用户' })
    expect(res.body).not.toContain('fake-session-key')
    const call = wx.requests.at(-1)!
    expect(call).toMatchObject({ method: 'GET', path: '/sns/jscode2session', query: { appid: wx.appId, secret: wx.secret, js_code: 'ok:openid-alice', grant_type: 'authorization_code' } })
    const me = await live.app.inject({ method: 'GET', url: '/api/me', headers: bearer(session) })
    expect(me.json().id).toBe(session.user.id)
    const again = await wechatLogin('ok:openid-alice')
    expect(again.json().user.id).toBe(session.user.id)
  })

  it('an invalid code (40029) is a 400 telling the user to reopen the mini-program', async () => {
    const res = await wechatLogin('used-code')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'wechat_invalid_code', message: expect.stringMatching(/重新打开小程序/) })
  })

  it('WeChat rate limiting (45011) is a 429; WeChat busy (-1) is a 503', async () => {
    const busy = await wechatLogin('busy')
    expect(busy.statusCode).toBe(429)
    expect(busy.json().message).toMatch(/频繁/)
    const system = await wechatLogin('system')
    expect(system.statusCode).toBe(503)
  })

  it('WeChat unreachable is a 503 with a clear message', async () => {
    const offline = await createTestApp({ WECHAT_MODE: 'live', WECHAT_API_BASE: 'http://127.0.0.1:9', WECHAT_APPID: 'a', WECHAT_SECRET: 'b' })
    const res = await offline.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok:x' } })
    expect(res.statusCode).toBe(503)
    expect(res.json().message).toMatch(/连不上微信/)
    await offline.close()
  })

  it('an empty code is a 400 before WeChat is called', async () => {
    const before = wx.requests.length
    expect((await wechatLogin('')).statusCode).toBe(400)
    expect(wx.requests.length).toBe(before)
  })

  it('stable_token is fetched with the documented body and cached', async () => {
    const first = await live.app.wechat.accessToken()
    const second = await live.app.wechat.accessToken()
    expect(first).toBe(second)
    const calls = wx.requests.filter((r) => r.path === '/cgi-bin/stable_token')
    expect(calls).toHaveLength(1)
    expect(calls[0].body).toEqual({ grant_type: 'client_credential', appid: wx.appId, secret: wx.secret, force_refresh: false })
  })
})

describe('dev login', () => {
  it('same role and name give the same user; different names different users', async () => {
    const a1 = await dev.login('staff', '小王')
    const a2 = await dev.login('staff', '小王')
    const b = await dev.login('staff', '小李')
    expect(a1.user.id).toBe(a2.user.id)
    expect(b.user.id).not.toBe(a1.user.id)
    expect(a1.user.roles).toEqual(['citizen', 'staff'])
  })
  it('does not exist in live mode', async () => {
    const res = await live.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { role: 'admin', name: 'x' } })
    expect(res.statusCode).toBe(404)
  })
  it('GET /api/config tells the app which mode it is in', async () => {
    expect((await dev.app.inject({ method: 'GET', url: '/api/config' })).json()).toEqual({ wechatMode: 'dev' })
    expect((await live.app.inject({ method: 'GET', url: '/api/config' })).json()).toEqual({ wechatMode: 'live' })
  })
})

describe('desk password login', () => {
  it('logs in with the right password and refuses the wrong one alike for unknown users', async () => {
    await dev.db.insertInto('app_user').values({ org_id: dev.orgId, name: '桌面', roles: ['staff'], username: 'desk', password_hash: await hash('correct horse') }).execute()
    const ok = await dev.app.inject({ method: 'POST', url: '/api/auth/password', payload: { username: 'desk', password: 'correct horse' } })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().user.roles).toEqual(['staff'])
    const wrong = await dev.app.inject({ method: 'POST', url: '/api/auth/password', payload: { username: 'desk', password: 'nope' } })
    const unknown = await dev.app.inject({ method: 'POST', url: '/api/auth/password', payload: { username: 'ghost', password: 'nope' } })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json().message).toBe(unknown.json().message)
  })
})

describe('invitations', () => {
  it('an admin invites, a user redeems once and gains the role; the code cannot be reused', async () => {
    const admin = await dev.login('admin', '管理员')
    const dept = await dev.db.insertInto('department').values({ org_id: dev.orgId, name: '城关所' }).returning('id').executeTakeFirstOrThrow()
    const created = await dev.app.inject({ method: 'POST', url: '/api/invitations', headers: bearer(admin), payload: { role: 'officer', departmentId: dept.id } })
    expect(created.statusCode).toBe(201)
    const { code } = created.json()

    const user = await dev.login('citizen', '将成为干部')
    const redeemed = await dev.app.inject({ method: 'POST', url: '/api/invitations/redeem', headers: bearer(user), payload: { code: code.toLowerCase() } })
    expect(redeemed.statusCode).toBe(200)
    expect(redeemed.json().user).toMatchObject({ roles: ['citizen', 'officer'], departmentName: '城关所' })

    const other = await dev.login('citizen', '晚来一步')
    const reused = await dev.app.inject({ method: 'POST', url: '/api/invitations/redeem', headers: bearer(other), payload: { code } })
    expect(reused.statusCode).toBe(400)
    expect(reused.json()).toMatchObject({ error: 'invitation_invalid' })
    expect((await dev.app.inject({ method: 'GET', url: '/api/me', headers: bearer(other) })).json().roles).toEqual(['citizen'])
  })

  it('used, expired and unknown codes get one and the same answer: a guesser learns nothing', async () => {
    const admin = await dev.login('admin', '管理员')
    const create = async () => (await dev.app.inject({ method: 'POST', url: '/api/invitations', headers: bearer(admin), payload: { role: 'staff' } })).json().code as string
    const expiredCode = await create()
    await dev.db.updateTable('invitation').set({ expires_at: new Date(Date.now() - 1000) }).where('code', '=', expiredCode).execute()
    const usedCode = await create()
    const first = await dev.login('citizen', '先来')
    expect((await dev.app.inject({ method: 'POST', url: '/api/invitations/redeem', headers: bearer(first), payload: { code: usedCode } })).statusCode).toBe(200)

    const guesser = await dev.login('citizen', '猜码人')
    const answers = []
    for (const code of [expiredCode, usedCode, 'ZZZZZZZZ']) {
      const res = await dev.app.inject({ method: 'POST', url: '/api/invitations/redeem', headers: bearer(guesser), payload: { code } })
      const { requestId: _ignored, ...body } = res.json()
      answers.push({ status: res.statusCode, body })
    }
    expect(answers[0]).toEqual({ status: 400, body: { error: 'invitation_invalid', field: 'code', message: expect.stringMatching(/向管理员索取/) } })
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
  })

  it('only an admin may create invitations', async () => {
    const staff = await dev.login('staff', '普通')
    const res = await dev.app.inject({ method: 'POST', url: '/api/invitations', headers: bearer(staff), payload: { role: 'admin' } })
    expect(res.statusCode).toBe(403)
  })
})
