import crypto from 'node:crypto'
import { Client } from 'pg'
import { openDatabase, type OpenedDatabase } from '../server/db/connect'

/**
 * The benchmarks' database: embedded PGlite in memory, or with DATABASE_URL a PostgreSQL
 * database of its own (dropped afterwards), or BENCH_DB, kept and reused between runs.
 */
export async function openBenchDatabase(): Promise<OpenedDatabase & { label: string }> {
  const url = process.env.DATABASE_URL
  if (!url) return { ...(await openDatabase({ databaseUrl: null, pgliteDir: null })), label: 'PGlite (embedded, in memory)' }
  // A kept database: seeding 1M items takes many minutes on a busy machine; seed once, reuse.
  const kept = process.env.BENCH_DB
  if (kept !== undefined && !/^zb_bench_[a-z0-9_]+$/.test(kept)) throw new Error('BENCH_DB must look like zb_bench_<letters, digits, _>')
  const name = kept ?? `zb_bench_${crypto.randomBytes(4).toString('hex')}`
  const admin = new Client({ connectionString: url })
  await admin.connect()
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount
  if (!exists) await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const u = new URL(url)
  u.pathname = '/' + name
  const opened = await openDatabase({ databaseUrl: u.toString(), pgliteDir: null })
  if (kept) return { ...opened, label: `PostgreSQL (${name}, kept)` }
  return {
    ...opened,
    label: `PostgreSQL (${name}, dropped afterwards)`,
    async close() {
      await opened.close()
      const c = new Client({ connectionString: url })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    }
  }
}
