import { session } from '@/services/session'
import { citizenApi } from '@/services/citizen-api'
import { ApiError, canRetry } from '@/services/api'
import { fakeServer } from './support/network'

// Issue 8: a 429 is shown kindly: when to try again (the server's Retry-After), and that what
// the citizen typed is still there; it is retryable.
const user = { id: 'u1', orgId: 'o1', name: '张三', roles: ['citizen'], departmentId: null, departmentName: null }
beforeEach(() => session.save({ token: 'tok-1', refreshToken: 'refresh-1', user: user as never }))

test('a 429 says when to try again, from Retry-After, and is retryable', async () => {
  fakeServer(() => ({ statusCode: 429, data: { error: 'rate_limited', message: '操作太频繁，请 42 秒后再试' }, header: { 'Retry-After': '42' } }))
  const err = (await citizenApi.myMessages().catch((e) => e)) as ApiError
  expect(err).toBeInstanceOf(ApiError)
  expect(err).toMatchObject({ status: 429, retryAfterSeconds: 42, message: '操作有点频繁，请 42 秒后再试；您填写的内容都还在' })
  expect(canRetry(err)).toBe(true)
})

test('without Retry-After it still says to wait a moment', async () => {
  fakeServer(() => ({ statusCode: 429, data: {} }))
  const err = (await citizenApi.myMessages().catch((e) => e)) as ApiError
  expect(err.message).toBe('操作有点频繁，请稍等片刻再试；您填写的内容都还在')
  expect(err.retryAfterSeconds).toBeUndefined()
})
