import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { ensureDefaultOrg } from '../../server/repositories/orgs'
import { ROLES, INBOX_ROLES, type Role } from '../../domain/roles'
import { freshDatabase } from '../helpers/test-db'
import { startFakeWechat, type FakeWechat } from '../fake-wechat/server'
import { photoUpload } from '../helpers/multipart'
import { png } from '../helpers/images'

/**
 * What the fuzzer attacks: our bureau (A) with one user per role, plus content that some of
 * them must never see, and a second bureau (B) in the same database whose ids the fuzzer
 * throws at A's routes. Secret markers (full-width, so no generated string can spell them)
 * sit in every piece of content; a response carrying a marker its caller may not see is a leak.
 */
export const MARKERS = {
  /** Another citizen's message in bureau A: visible to A's inbox roles only. */
  otherCitizen: 'ＳＥＣＲＥＴ－Ａ－留言',
  /** Another officer's case in bureau A: visible to A's inbox roles only. */
  otherOfficer: 'ＳＥＣＲＥＴ－Ａ－事例',
  /** Anything of bureau B: visible to no one in A. */
  otherBureau: 'ＳＥＣＲＥＴ－Ｂ'
} as const

export type Identity = 'anonymous' | Role

export interface World {
  app: FastifyInstance
  tokens: Record<Role, string>
  /**
   * A new session for a role whose token the fuzzer itself killed (logout, revoke-all, a
   * password change, or simply the 15-minute expiry during a long run). Without it, every route
   * after the first revoke would only ever see 401 and the run would prove nothing.
   */
  renew(role: Role): Promise<void>
  /** Ids in bureau A (own and others') and bureau B: the pool generated ids are drawn from. */
  ids: { a: string[]; b: string[] }
  /** Markers each identity may legitimately see. */
  visible(identity: Identity): string[]
  close(): Promise<void>
}

async function makeApp(db: Awaited<ReturnType<typeof freshDatabase>>, orgId: string, wechat: FakeWechat, dataDir: string) {
  const config = loadConfig({
    JWT_SECRET: 'fuzz-secret-that-is-long-enough-for-hs256-signing',
    DATA_DIR: dataDir,
    H5_DIR: path.join(dataDir, 'no-h5'),
    LOG_LEVEL: 'silent',
    WECHAT_MODE: 'dev',
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_APPID: wechat.appId,
    WECHAT_SECRET: wechat.secret
  })
  const app = await buildApp({ config, db: db.db, dbEngine: db.engine, orgId, logger: false, listen: db.listen })
  await app.ready()
  return app
}

export async function buildWorld(): Promise<World> {
  const database = await freshDatabase()
  const wechat = await startFakeWechat()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zb-fuzz-'))
  const orgA = await ensureDefaultOrg(database.db)
  const orgB = (await database.db.insertInto('org').values({ name: '邻县市场监督管理局' }).returning('id').executeTakeFirstOrThrow()).id
  const app = await makeApp(database, orgA, wechat, dataDir)
  const appB = await makeApp(database, orgB, wechat, path.join(dataDir, 'b'))

  const login = async (target: FastifyInstance, role: Role, name: string) => {
    const res = await target.inject({ method: 'POST', url: '/api/auth/dev', payload: { role, name } })
    if (res.statusCode !== 200) throw new Error(`dev login failed: ${res.body}`)
    return res.json() as { token: string; user: { id: string } }
  }
  const auth = (token: string) => ({ authorization: `Bearer ${token}` })
  const ids = { a: [] as string[], b: [] as string[] }

  // Content with markers, made through the API as real users would.
  const seed = async (target: FastifyInstance, marker: string, caseMarker: string, into: string[], suffix: string) => {
    const citizen = await login(target, 'citizen', `秘密群众${suffix}`)
    const officer = await login(target, 'officer', `秘密干部${suffix}`)
    const staff = await login(target, 'staff', `秘密宣传${suffix}`)
    into.push(citizen.user.id, officer.user.id, staff.user.id)
    const message = await target.inject({ method: 'POST', url: '/api/messages', headers: auth(citizen.token), payload: { category: 'complaint', body: `${marker} 留言`, contactPhone: '13800138000', business: { name: '城关镇某超市' } } })
    into.push(message.json().id)
    const upload = photoUpload(await png(80, 60), 'secret.png', 'image/png')
    const media = await target.inject({ method: 'POST', url: '/api/media', headers: { ...auth(officer.token), ...upload.headers }, payload: upload.payload })
    into.push(media.json().id)
    const kase = await target.inject({
      method: 'POST',
      url: '/api/cases',
      headers: auth(officer.token),
      payload: { clientId: `secret-case-${suffix}`, title: `${caseMarker} 标题`, body: `${caseMarker} 内容`, occurredAt: '2026-11-25T02:00:00.000Z', place: { address: `${caseMarker} 地点` }, mediaIds: [media.json().id] }
    })
    into.push(kase.json().id)
    // A replied message and a returned case, so state-machine routes have items in several states.
    const m2 = await target.inject({ method: 'POST', url: '/api/messages', headers: auth(citizen.token), payload: { category: 'question', body: `${marker} 已答复` } })
    into.push(m2.json().id)
    await target.inject({ method: 'POST', url: `/api/items/${m2.json().id}/reply`, headers: auth(staff.token), payload: { body: `${marker} 答复` } })
    await target.inject({ method: 'POST', url: `/api/items/${kase.json().id}/actions`, headers: auth(staff.token), payload: { action: 'return', note: `${caseMarker} 退回` } })
  }
  await seed(app, MARKERS.otherCitizen, MARKERS.otherOfficer, ids.a, 'A')
  await seed(appB, MARKERS.otherBureau, MARKERS.otherBureau, ids.b, 'B')
  await appB.close()

  const tokens = {} as Record<Role, string>
  const userIds = {} as Record<Role, string>
  for (const role of ROLES) {
    const s = await login(app, role, `模糊测试${role}`)
    tokens[role] = s.token
    userIds[role] = s.user.id
    ids.a.push(s.user.id)
  }
  // The fuzzing officer's own case (so resubmit and friends have something of theirs to act on).
  const own = await app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: auth(tokens.officer),
    payload: { clientId: 'fuzz-own-case', title: '自己的事例', body: '内容', occurredAt: '2026-11-25T02:00:00.000Z', mediaIds: [] }
  })
  ids.a.push(own.json().id)

  return {
    app,
    tokens,
    ids,
    async renew(role) {
      // The admin routes let the fuzzing admin demote or disable any of these users (itself
      // included): put the role back first (a disabled user cannot sign in), or every later
      // route would only hear 403 from it.
      const roles: Role[] = role === 'citizen' ? ['citizen'] : ['citizen', role]
      await database.db.updateTable('app_user').set({ roles, disabled_at: null }).where('id', '=', userIds[role]).execute()
      tokens[role] = (await login(app, role, `模糊测试${role}`)).token
    },
    visible: (identity) => (identity !== 'anonymous' && INBOX_ROLES.includes(identity) ? [MARKERS.otherCitizen, MARKERS.otherOfficer] : []),
    async close() {
      await app.close()
      await database.close()
      await wechat.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
