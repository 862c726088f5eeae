import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { rateLimits } from '../../server/http/rate-limits'
import type { SessionView } from '../../domain/schemas/auth'

// Issue 8, abuse: message creation (and uploads, tracking, login) is limited per user AND per
// address; 429 says when to try again, in seconds and in Retry-After. With REDIS_URL the
// counters are shared by every server process (CI has Redis on 127.0.0.1:6379).
const REDIS_URL = process.env.ZHIBAO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const { perUser, perIp } = rateLimits.messageCreate

const leave = (app: TestApp['app'], s: SessionView, ip: string) =>
  app.inject({ method: 'POST', url: '/api/messages', headers: bearer(s), remoteAddress: ip, payload: { category: 'question', body: '请问营业执照年报在哪里填？' } })

async function exhaustUser(app: TestApp['app'], s: SessionView) {
  // Each request from its own address, so only the per-user limit can be the one that trips.
  for (let i = 0; i < perUser.max; i++) expect((await leave(app, s, `10.1.${i >> 8}.${i & 255}`)).statusCode).toBe(201)
}

function expectTooMany(res: { statusCode: number; headers: Record<string, unknown>; json(): any }) {
  expect(res.statusCode).toBe(429)
  const seconds = Number(res.headers['retry-after'])
  expect(seconds).toBeGreaterThanOrEqual(1)
  expect(seconds).toBeLessThanOrEqual(perUser.timeWindow / 1000)
  expect(res.json()).toMatchObject({ error: 'rate_limited', message: `操作太频繁，请 ${seconds} 秒后再试` })
}

describe('in memory (no REDIS_URL)', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('per user: the limit follows the account across addresses; another citizen is not affected', async () => {
    const a = await t.login('citizen', '刷屏甲')
    await exhaustUser(t.app, a)
    expectTooMany(await leave(t.app, a, '10.9.9.9'))
    expect((await leave(t.app, await t.login('citizen', '路人乙'), '10.9.9.9')).statusCode).toBe(201)
    expect(await t.db.selectFrom('item').select((eb) => eb.fn.countAll<string>().as('n')).where('author_id', '=', a.user.id).executeTakeFirstOrThrow()).toEqual({ n: String(perUser.max) })
  })

  it('per address: many accounts on one address are limited together', async () => {
    const ip = '10.77.0.1'
    let i = 0
    for (; i < perIp.max; i++) {
      const s = await t.login('citizen', `马甲${i}`)
      expect((await leave(t.app, s, ip)).statusCode).toBe(201)
    }
    expectTooMany(await leave(t.app, await t.login('citizen', `马甲${i}`), ip))
    expect((await leave(t.app, await t.login('citizen', `马甲${i}`), '10.77.0.2')).statusCode).toBe(201)
  })
})

describe('on Redis: two server processes share the counters', () => {
  let t: TestApp
  let second: Awaited<ReturnType<typeof buildApp>>
  const env = { REDIS_URL, REDIS_KEY_PREFIX: `zb-test-${crypto.randomBytes(4).toString('hex')}:` }
  beforeAll(async () => {
    t = await createTestApp(env)
    // Another process on the same database and the same Redis.
    const config = loadConfig({
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
      DATA_DIR: path.join(os.tmpdir(), 'zhibao-test'),
      H5_DIR: path.join(os.tmpdir(), 'zhibao-test-no-h5'),
      LOG_LEVEL: 'silent',
      JOBS: 'off',
      ...env
    })
    second = await buildApp({ config, db: t.db, dbEngine: t.app.dbEngine, orgId: t.orgId, logger: false })
    await second.ready()
  })
  afterAll(async () => {
    await second.close()
    await t.close()
  })

  it('requests to either process count against one limit', async () => {
    const a = await t.login('citizen', '两边刷')
    for (let i = 0; i < perUser.max; i++) {
      const app = i % 2 ? second : t.app
      expect((await leave(app as TestApp['app'], a, `10.2.${i >> 8}.${i & 255}`)).statusCode).toBe(201)
    }
    expectTooMany(await leave(second as TestApp['app'], a, '10.3.0.1'))
    expectTooMany(await leave(t.app, a, '10.3.0.2'))
  })
})
