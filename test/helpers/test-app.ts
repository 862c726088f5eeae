import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppDeps } from '../../server/app'
import { loadConfig } from '../../server/config'
import { ensureDefaultOrg } from '../../server/repositories/orgs'
import type { Db } from '../../server/db/database'
import type { Role } from '../../domain/roles'
import type { SessionView } from '../../domain/schemas/auth'
import { freshDatabase } from './test-db'

export interface TestApp {
  app: FastifyInstance
  db: Db
  orgId: string
  /** Dev-mode login: the same role and name give the same user. */
  login(role: Role, name?: string): Promise<SessionView>
  /** A signed-in user of another bureau in the same database: what a cross-bureau test attacks with. */
  loginElsewhere(roles?: Role[], name?: string): Promise<SessionView & { orgId: string }>
  close(): Promise<void>
}

let elsewhere = 0

/** The production factory on a fresh database, configured from env-style strings like production. */
export async function createTestApp(env: Record<string, string> = {}, deps: { jobsNow?: () => Date; live?: AppDeps['live']; subscribeRetry?: AppDeps['subscribeRetry'] } = {}): Promise<TestApp> {
  const database = await freshDatabase()
  const config = loadConfig({
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    DATA_DIR: path.join(os.tmpdir(), 'zhibao-test'),
    H5_DIR: path.join(os.tmpdir(), 'zhibao-test-no-h5'),
    LOG_LEVEL: 'silent',
    // Background jobs only where a test asks for them (JOBS: 'on').
    JOBS: 'off',
    ...env
  })
  const orgId = await ensureDefaultOrg(database.db)
  const app = await buildApp({ config, db: database.db, dbEngine: database.engine, orgId, logger: false, jobsNow: deps.jobsNow, subscribeRetry: deps.subscribeRetry, listen: database.listen, live: deps.live })
  await app.ready()
  return {
    app,
    db: database.db,
    orgId,
    async login(role, name = `测试${role}`) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/dev', payload: { role, name } })
      if (res.statusCode !== 200) throw new Error(`dev login failed: ${res.body}`)
      return res.json()
    },
    async loginElsewhere(roles = ['staff'], name = '外县宣传') {
      const org = await database.db.insertInto('org').values({ name: `外县局${++elsewhere}` }).returning('id').executeTakeFirstOrThrow()
      const user = await database.db.insertInto('app_user').values({ org_id: org.id, name, roles }).returning(['id', 'org_id']).executeTakeFirstOrThrow()
      return { ...(await app.openSession(user)), orgId: org.id }
    },
    async close() {
      await app.close()
      await database.close()
    }
  }
}

export const bearer = (session: { token: string }) => ({ authorization: `Bearer ${session.token}` })
