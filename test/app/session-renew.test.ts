import Taro from '@tarojs/taro'
import { api, ApiError, setSilentSignIn } from '@/services/api'
import { citizenApi } from '@/services/citizen-api'
import { session } from '@/services/session'
import { fakeServer, type SentRequest } from './support/network'

const user = { id: 'u1', orgId: 'o1', name: '张三', roles: ['citizen'], departmentId: null, departmentName: null }
const renewed = (n: number) => ({ token: `tok-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900, mustChangePassword: false, user })

const refreshes = (sent: SentRequest[]) => sent.filter((r) => r.url.endsWith('/api/auth/refresh'))

let relaunch: jest.SpyInstance
beforeEach(() => {
  session.save({ token: 'tok-1', refreshToken: 'refresh-1', user: user as never })
  setSilentSignIn(null)
  relaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' } as never)
})

/** A server whose access tokens are valid only when they are the newest one it handed out. */
function tokenServer(opts: { refreshOk?: boolean } = {}) {
  let newest = 2
  let valid = 'tok-0' // the saved tok-1 has expired
  const sent = fakeServer((req) => {
    if (req.url.endsWith('/api/auth/refresh')) {
      const presented = (req.data as { refreshToken: string }).refreshToken
      if (opts.refreshOk === false || presented !== `refresh-${newest - 1}`) return { statusCode: 401, data: { error: 'unauthorized', message: '登录已过期，请重新登录' } }
      valid = `tok-${newest}`
      return { statusCode: 200, data: renewed(newest++) }
    }
    if (req.url.endsWith('/api/auth/logout')) return { statusCode: 204, data: '' }
    if (req.header.Authorization !== `Bearer ${valid}`) return { statusCode: 401, data: { error: 'unauthorized', message: '登录已过期，请重新登录' } }
    return { statusCode: 200, data: user }
  })
  return sent
}

test('an expired access token is renewed silently and the call goes through', async () => {
  const sent = tokenServer()
  await expect(api.me()).resolves.toEqual(user)
  expect(refreshes(sent)).toHaveLength(1)
  expect(refreshes(sent)[0].data).toEqual({ refreshToken: 'refresh-1' })
  expect(session.token()).toBe('tok-2')
  expect(session.refreshToken()).toBe('refresh-2')
  // The repeated call carried the new token.
  expect(sent.at(-1)!.header.Authorization).toBe('Bearer tok-2')
})

test('many calls refused at once share one refresh (a refresh token works once)', async () => {
  const sent = tokenServer()
  const results = await Promise.all([api.me(), api.me(), citizenApi.myMessages().catch(() => null), api.me()])
  expect(results.filter(Boolean)).toHaveLength(4)
  expect(refreshes(sent)).toHaveLength(1)
  expect(session.token()).toBe('tok-2')
  expect(relaunch).not.toHaveBeenCalled()
})

test('a refused refresh signs out and goes to the login page', async () => {
  tokenServer({ refreshOk: false })
  await expect(api.me()).rejects.toMatchObject({ status: 401 })
  expect(session.token()).toBeNull()
  expect(session.refreshToken()).toBeNull()
  expect(relaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
})

test('where the platform signs in silently (WeChat), a refused refresh is replaced by a new sign-in', async () => {
  const sent = tokenServer({ refreshOk: false })
  // The stand-in for wx.login + /api/auth/wechat: the server accepts tok-0.
  setSilentSignIn(async () => ({ token: 'tok-0', refreshToken: 'refresh-w', expiresIn: 900, mustChangePassword: false, user: user as never }))
  await expect(api.me()).resolves.toEqual(user)
  expect(refreshes(sent)).toHaveLength(1)
  expect(session.refreshToken()).toBe('refresh-w')
  expect(relaunch).not.toHaveBeenCalled()
})

const EXPIRED = { statusCode: 401, data: { error: 'unauthorized', message: '登录已过期' } }

test('no answer to the refresh keeps the sign-in: a network blip is not a logout', async () => {
  const sent = fakeServer((req) => (req.url.endsWith('/api/auth/refresh') ? new Error('request:fail timeout') : EXPIRED))
  await expect(api.me()).rejects.toMatchObject({ code: 'network' })
  // Tried again at once (the server accepts a repeated exchange), then left for a later call.
  expect(refreshes(sent).map((r) => r.data)).toEqual([{ refreshToken: 'refresh-1' }, { refreshToken: 'refresh-1' }, { refreshToken: 'refresh-1' }])
  expect(session.token()).toBe('tok-1')
  expect(session.refreshToken()).toBe('refresh-1')
  expect(session.user()).toEqual(user)
  expect(relaunch).not.toHaveBeenCalled()
})

test('a lost refresh answer is retried on a later call with the same refresh token, and the sign-in carries on', async () => {
  let networkDown = true
  const sent = fakeServer((req) => {
    if (req.url.endsWith('/api/auth/refresh')) return networkDown ? new Error('request:fail timeout') : { statusCode: 200, data: renewed(2) }
    return req.header.Authorization === 'Bearer tok-2' ? { statusCode: 200, data: user } : EXPIRED
  })
  await expect(api.me()).rejects.toMatchObject({ code: 'network' })
  expect(relaunch).not.toHaveBeenCalled()

  networkDown = false
  await expect(api.me()).resolves.toEqual(user)
  expect(refreshes(sent).at(-1)!.data).toEqual({ refreshToken: 'refresh-1' })
  expect(session.token()).toBe('tok-2')
  expect(session.refreshToken()).toBe('refresh-2')
  expect(relaunch).not.toHaveBeenCalled()
})

test.each([
  ['a server fault', 503, { error: 'internal', message: '服务器出错了' }],
  ['a rate limit', 429, { error: 'rate_limited', message: '操作太频繁，请 30 秒后再试' }],
  ['a refused request body', 400, { error: 'bad_request', message: '请求格式不正确' }]
])('%s answering the refresh is not a logout either (only a 401 is)', async (_what, statusCode, data) => {
  fakeServer((req) => (req.url.endsWith('/api/auth/refresh') ? { statusCode, data } : EXPIRED))
  await expect(api.me()).rejects.toMatchObject({ status: statusCode })
  expect(session.refreshToken()).toBe('refresh-1')
  expect(session.user()).toEqual(user)
  expect(relaunch).not.toHaveBeenCalled()
})

test('where WeChat signs in silently, no answer to that sign-in is not a logout either', async () => {
  fakeServer((req) => (req.url.endsWith('/api/auth/refresh') ? { statusCode: 401, data: { error: 'unauthorized', message: '登录已过期' } } : EXPIRED))
  setSilentSignIn(async () => {
    throw new ApiError(0, 'network', '网络不给力')
  })
  await expect(api.me()).rejects.toMatchObject({ code: 'network' })
  expect(session.user()).toEqual(user)
  expect(relaunch).not.toHaveBeenCalled()
})

test('logout ends the sign-in on the server with its refresh token, then forgets it', async () => {
  const sent = tokenServer()
  await api.logout()
  const call = sent.find((r) => r.url.endsWith('/api/auth/logout'))!
  expect(call.data).toEqual({ refreshToken: 'refresh-1' })
  expect(call.header.Authorization).toBeUndefined()
  expect(session.token()).toBeNull()
  expect(session.user()).toBeNull()
})
