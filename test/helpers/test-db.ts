import crypto from 'node:crypto'
import { Client } from 'pg'
import { openDatabase, migrateToLatest, type OpenedDatabase } from '../../server/db/connect'

/**
 * A freshly migrated database for one test file: in-memory PGlite, or (project api:postgres)
 * a new database of its own on the DATABASE_URL server, dropped afterwards.
 */
export async function freshDatabase(): Promise<OpenedDatabase> {
  if (process.env.ZHIBAO_TEST_DB !== 'postgres') {
    const opened = await openDatabase({ databaseUrl: null, pgliteDir: null })
    await migrateToLatest(opened.db)
    return opened
  }
  const adminUrl = process.env.DATABASE_URL
  if (!adminUrl) throw new Error('api:postgres tests need DATABASE_URL')
  const name = `zb_test_${crypto.randomBytes(6).toString('hex')}`
  const admin = new Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = '/' + name
  const opened = await openDatabase({ databaseUrl: url.toString(), pgliteDir: null })
  await migrateToLatest(opened.db)
  return {
    ...opened,
    async close() {
      // Destroying twice is harmless: a test may already have broken its database on purpose.
      await opened.close().catch(() => undefined)
      const c = new Client({ connectionString: adminUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    }
  }
}
