import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import type { TestApp } from './test-app'
import type { AppDeps } from '../../server/app'

/**
 * A second server process on the test's PostgreSQL database: its own pool and its own LISTEN
 * connection, as another `npm start` beside the first would have. PostgreSQL only (embedded
 * PGlite is one process by design).
 */
export async function startSecondProcess(t: TestApp, live?: AppDeps['live']): Promise<{ app: FastifyInstance; database: string; close(): Promise<void> }> {
  const { openDatabase } = await import('../../server/db/connect')
  const { buildApp } = await import('../../server/app')
  const { loadConfig } = await import('../../server/config')
  const database = (await sql<{ db: string }>`SELECT current_database() AS db`.execute(t.db)).rows[0]!.db
  const url = new URL(process.env.DATABASE_URL!)
  url.pathname = '/' + database
  const second = await openDatabase({ databaseUrl: url.toString(), pgliteDir: null })
  const config = loadConfig({ JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing', LOG_LEVEL: 'silent', JOBS: 'off', DATA_DIR: '/tmp/zhibao-test', H5_DIR: '/tmp/zhibao-test-no-h5' })
  const app = await buildApp({ config, db: second.db, dbEngine: second.engine, orgId: t.orgId, logger: false, listen: second.listen, live })
  return {
    app,
    database,
    async close() {
      await app.close()
      await second.close()
    }
  }
}

/** Ends every LISTEN connection to the database, as a server restart or failover would. */
export async function killListenConnections(t: TestApp, database: string): Promise<void> {
  await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${database} AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`.execute(t.db)
}
