import { hash } from '@node-rs/argon2'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { ensureAdmin } from '../../server/repositories/orgs'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let adminPassword: string
beforeAll(async () => {
  t = await createTestApp()
  adminPassword = (await ensureAdmin(t.db, t.orgId))!.password
})
afterAll(() => t.close())

// Each call from its own address, so the per-address login limit stays out of these tests.
let address = 0
const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { username, password }, remoteAddress: `10.1.0.${++address}` })
const change = (s: { token: string }, currentPassword: string, newPassword: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password/change', headers: bearer(s), payload: { currentPassword, newPassword } })
const me = (s: { token: string }) => t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(s) })

describe('the first admin password is one-time', () => {
  let admin: SessionView
  const NEW = 'county-bureau-2026'

  it('logging in with it answers with the flag, and every other route is a 403 until it is changed', async () => {
    const res = await login('admin', adminPassword)
    expect(res.statusCode).toBe(200)
    admin = res.json()
    expect(admin.mustChangePassword).toBe(true)
    for (const [method, url] of [['GET', '/api/me'], ['GET', '/api/inbox'], ['POST', '/api/invitations'], ['POST', '/api/me/sessions/revoke-all']] as const) {
      const blocked = await t.app.inject({ method, url, headers: bearer(admin), payload: method === 'POST' ? { role: 'staff' } : undefined })
      expect({ url, status: blocked.statusCode, error: blocked.json().error }).toEqual({ url, status: 403, error: 'password_change_required' })
    }
  })

  it('the change checks the current password and the new one, then lifts the block', async () => {
    const elsewhere: SessionView = (await login('admin', adminPassword)).json()
    expect((await change(admin, 'wrong-password', NEW)).json()).toMatchObject({ error: 'wrong_password' })
    expect((await change(admin, adminPassword, 'short')).json()).toMatchObject({ error: 'weak_password', message: expect.stringMatching(/至少 8 位/) })
    expect((await change(admin, adminPassword, adminPassword)).json()).toMatchObject({ error: 'weak_password' })
    expect((await change(admin, adminPassword, 'my-admin-pass')).json()).toMatchObject({ error: 'weak_password', message: expect.stringMatching(/用户名/) })

    const ok = await change(admin, adminPassword, NEW)
    expect(ok.statusCode).toBe(200)
    expect(ok.json().roles).toContain('admin')
    expect((await me(admin)).statusCode).toBe(200)
    // Whoever else logged in with the old password is out.
    expect((await me(elsewhere)).statusCode).toBe(401)
  })

  it('the old password no longer works; the new one logs in without the flag', async () => {
    expect((await login('admin', adminPassword)).statusCode).toBe(401)
    const res = await login('admin', NEW)
    expect(res.statusCode).toBe(200)
    expect(res.json().mustChangePassword).toBe(false)
    admin = res.json()
  })

  it('an admin resets a desk user\'s password: a new one-time password, the user\'s sign-ins end', async () => {
    const staff = await t.db
      .insertInto('app_user')
      .values({ org_id: t.orgId, name: '王宣传', roles: ['staff'], username: 'wang', password_hash: await hash('old-password-1') })
      .returning('id')
      .executeTakeFirstOrThrow()
    const staffSession: SessionView = (await login('wang', 'old-password-1')).json()
    expect(staffSession.mustChangePassword).toBe(false)

    expect((await t.app.inject({ method: 'POST', url: `/api/users/${staff.id}/password/reset`, headers: bearer(staffSession) })).statusCode).toBe(403)
    const reset = await t.app.inject({ method: 'POST', url: `/api/users/${staff.id}/password/reset`, headers: bearer(admin) })
    expect(reset.statusCode).toBe(200)
    const { username, password } = reset.json()
    expect(username).toBe('wang')
    expect(password.length).toBeGreaterThanOrEqual(12)

    expect((await me(staffSession)).statusCode).toBe(401)
    expect((await login('wang', 'old-password-1')).statusCode).toBe(401)
    const again: SessionView = (await login('wang', password)).json()
    expect(again.mustChangePassword).toBe(true)
    expect((await me(again)).statusCode).toBe(403)
    expect((await change(again, password, 'a-new-staff-password')).statusCode).toBe(200)
    expect((await me(again)).statusCode).toBe(200)
  })

  it('a reset is refused for WeChat-only users and for users of another bureau', async () => {
    const citizen = await t.login('citizen', '只用微信')
    const noDesk = await t.app.inject({ method: 'POST', url: `/api/users/${citizen.user.id}/password/reset`, headers: bearer(admin) })
    expect(noDesk.json()).toMatchObject({ error: 'no_password' })
    const otherOrg = await t.db.insertInto('org').values({ name: '邻县局' }).returning('id').executeTakeFirstOrThrow()
    const outsider = await t.db
      .insertInto('app_user')
      .values({ org_id: otherOrg.id, name: '外单位', roles: ['staff'], username: 'outsider', password_hash: await hash('x-password-9') })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await t.app.inject({ method: 'POST', url: `/api/users/${outsider.id}/password/reset`, headers: bearer(admin) })).statusCode).toBe(404)
  })
})

describe('desk login timing', () => {
  // A ratio within one run, not a timed threshold: without the dummy hash an unknown username
  // skips argon2 and answers many times faster than a known one with a wrong password.
  it('an unknown username costs the same argon2 work as a wrong password', async () => {
    const median = async (username: string) => {
      const times: number[] = []
      for (let i = 0; i < 7; i++) {
        const started = process.hrtime.bigint()
        expect((await login(username, 'not-the-password')).statusCode).toBe(401)
        times.push(Number(process.hrtime.bigint() - started))
      }
      return times.sort((a, b) => a - b)[3]
    }
    await t.db.insertInto('app_user').values({ org_id: t.orgId, name: '计时', roles: ['staff'], username: 'timed', password_hash: await hash('timed-password') }).execute()
    await median('nobody-here') // warm-up: the dummy hash is made on first use
    const known = await median('timed')
    const unknown = await median('nobody-at-all')
    expect(unknown / known).toBeGreaterThan(0.5)
  })
})
