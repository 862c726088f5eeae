import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import type { SessionView } from '../../domain/schemas/auth'
import { hashRefreshToken, REFRESH_RETRY_GRACE_SECONDS } from '../../server/services/sessions'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const me = (s: { token: string }) => t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(s) })
const refresh = (refreshToken: string) => t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })
const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'))

describe('access and refresh tokens', () => {
  it('a sign-in gives a short-lived access token naming its session, and a refresh token', async () => {
    const s = await t.login('citizen', '短令牌')
    const claims = decode(s.token)
    expect(claims.exp - claims.iat).toBe(900)
    expect(s.expiresIn).toBe(900)
    expect(claims.sid).toMatch(/^[0-9a-f-]{36}$/)
    expect(s.refreshToken.length).toBeGreaterThanOrEqual(40)
    expect(s.mustChangePassword).toBe(false)
    // Only a hash is stored.
    const stored = await t.db.selectFrom('refresh_token').select('token_hash').execute()
    expect(stored.map((r) => r.token_hash)).not.toContain(s.refreshToken)
  })

  it('an expired access token is refused; refresh gives a new pair for the same session', async () => {
    const s = await t.login('citizen', '续期')
    // Issued 16 minutes ago: past its 15.
    const { sub, org, sid } = decode(s.token)
    const expired = t.app.jwt.sign({ sub, org, sid, iat: Math.floor(Date.now() / 1000) - 960 } as never)
    expect(decode(expired).exp).toBeLessThan(Date.now() / 1000)
    expect((await me({ token: expired })).statusCode).toBe(401)

    const res = await refresh(s.refreshToken)
    expect(res.statusCode).toBe(200)
    const next: SessionView = res.json()
    expect(next.refreshToken).not.toBe(s.refreshToken)
    expect(decode(next.token).sid).toBe(decode(s.token).sid)
    expect(next.user.id).toBe(s.user.id)
    expect((await me(next)).statusCode).toBe(200)
  })

  it('a rotated refresh token used again after its successor was used revokes the whole sign-in (a copied token)', async () => {
    const s = await t.login('citizen', '被复制')
    const second: SessionView = (await refresh(s.refreshToken)).json()
    const third: SessionView = (await refresh(second.refreshToken)).json()
    const replay = await refresh(s.refreshToken)
    expect(replay.statusCode).toBe(401)
    expect(replay.json().message).toMatch(/已在别处使用/)
    // Both holders are out: the newest access token and refresh token no longer work.
    expect((await me(third)).statusCode).toBe(401)
    expect((await refresh(third.refreshToken)).statusCode).toBe(401)
  })

  it('an exchange whose answer was lost can be retried with the old token; the lost refresh token is dropped', async () => {
    const s = await t.login('citizen', '隧道里')
    // The server rotated, but the phone never heard: it only has the old refresh token.
    const lost: SessionView = (await refresh(s.refreshToken)).json()
    const retry = await refresh(s.refreshToken)
    expect(retry.statusCode).toBe(200)
    const next: SessionView = retry.json()
    expect(next.refreshToken).not.toBe(lost.refreshToken)
    expect(decode(next.token).sid).toBe(decode(s.token).sid)
    expect((await me(next)).statusCode).toBe(200)
    // The retry may repeat (its answer lost too), and goes on working from the newest token.
    const again: SessionView = (await refresh(s.refreshToken)).json()
    const after: SessionView = (await refresh(again.refreshToken)).json()
    expect((await me(after)).statusCode).toBe(200)
    // The lost pair's refresh token never works, and presenting it ends nothing.
    expect((await refresh(lost.refreshToken)).statusCode).toBe(401)
    expect((await me(after)).statusCode).toBe(200)
    // Once the newest token has been used, the old one is a plain reuse again: the sign-in ends.
    const replay = await refresh(s.refreshToken)
    expect(replay.statusCode).toBe(401)
    expect(replay.json().message).toMatch(/已在别处使用/)
    expect((await me(after)).statusCode).toBe(401)
  })

  it('the retry of a lost exchange works only for a while: later, the old token is a reuse', async () => {
    const s = await t.login('citizen', '隔夜重试')
    const lost: SessionView = (await refresh(s.refreshToken)).json()
    await t.db
      .updateTable('refresh_token')
      .set({ used_at: new Date(Date.now() - (REFRESH_RETRY_GRACE_SECONDS + 60) * 1000) })
      .where('token_hash', '=', hashRefreshToken(s.refreshToken))
      .execute()
    const late = await refresh(s.refreshToken)
    expect(late.statusCode).toBe(401)
    expect((await refresh(lost.refreshToken)).statusCode).toBe(401)
  })

  it('an unknown refresh token is a 401 and touches nothing', async () => {
    const res = await refresh('not-a-token-we-issued')
    expect(res.statusCode).toBe(401)
    expect(res.json().message).toMatch(/重新登录/)
  })

  it('a session past its expiry cannot be refreshed', async () => {
    const s = await t.login('citizen', '过期会话')
    await t.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', decode(s.token).sid).execute()
    expect((await refresh(s.refreshToken)).statusCode).toBe(401)
  })

  it('tokens without a session id (issued before sessions) or with a non-UUID subject are a 401, not a 500', async () => {
    const s = await t.login('citizen', '旧令牌')
    const old = t.app.jwt.sign({ sub: s.user.id, org: s.user.orgId } as never)
    expect((await me({ token: old })).statusCode).toBe(401)
    const odd = t.app.jwt.sign({ sub: 'urn:uuid:' + s.user.id, org: s.user.orgId, sid: decode(s.token).sid })
    expect((await me({ token: odd })).statusCode).toBe(401)
  })
})

describe('logout and revocation', () => {
  it('logout ends that sign-in at once; other sign-ins of the user carry on', async () => {
    const phone = await t.login('citizen', '两台设备')
    const desk = await t.login('citizen', '两台设备')
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: phone.refreshToken } })
    expect(res.statusCode).toBe(204)
    expect((await me(phone)).statusCode).toBe(401)
    expect((await refresh(phone.refreshToken)).statusCode).toBe(401)
    expect((await me(desk)).statusCode).toBe(200)
    // Logging out twice, or with a token we never issued, is harmless.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: phone.refreshToken } })).statusCode).toBe(204)
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: 'x' } })).statusCode).toBe(204)
  })

  it('sign out everywhere ends every sign-in of the user, including this one, and no one else\'s', async () => {
    const a = await t.login('citizen', '全部退出')
    const b = await t.login('citizen', '全部退出')
    const bystander = await t.login('citizen', '旁人')
    const res = await t.app.inject({ method: 'POST', url: '/api/me/sessions/revoke-all', headers: bearer(a) })
    expect(res.statusCode).toBe(200)
    expect(res.json().revoked).toBe(2)
    expect((await me(a)).statusCode).toBe(401)
    expect((await me(b)).statusCode).toBe(401)
    expect((await refresh(b.refreshToken)).statusCode).toBe(401)
    expect((await me(bystander)).statusCode).toBe(200)
  })

  it('an admin signs a user out everywhere; only admins, only in their bureau', async () => {
    const admin = await t.login('admin', '管理员')
    const staff = await t.login('staff', '被踢下线')
    const other = await t.login('staff', '同事')
    expect((await t.app.inject({ method: 'POST', url: `/api/users/${staff.user.id}/sessions/revoke`, headers: bearer(other) })).statusCode).toBe(403)
    const res = await t.app.inject({ method: 'POST', url: `/api/users/${staff.user.id}/sessions/revoke`, headers: bearer(admin) })
    expect(res.statusCode).toBe(200)
    expect(res.json().revoked).toBe(1)
    expect((await me(staff)).statusCode).toBe(401)
    expect((await me(admin)).statusCode).toBe(200)

    const otherOrg = await t.db.insertInto('org').values({ name: '邻县局' }).returning('id').executeTakeFirstOrThrow()
    const outsider = await t.db.insertInto('app_user').values({ org_id: otherOrg.id, name: '外单位', roles: ['staff'] }).returning(['id', 'org_id']).executeTakeFirstOrThrow()
    const outsiderSession = await t.app.openSession(outsider)
    const cross = await t.app.inject({ method: 'POST', url: `/api/users/${outsider.id}/sessions/revoke`, headers: bearer(admin) })
    expect(cross.statusCode).toBe(404)
    expect((await me(outsiderSession)).statusCode).toBe(200)
  })
})
