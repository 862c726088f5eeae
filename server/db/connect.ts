import fs from 'node:fs'
import path from 'node:path'
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely'
import { Pool } from 'pg'
import type { Database } from './database'
import { migrationProvider } from './migrations'

export interface OpenedDatabase {
  db: Kysely<Database>
  /** 'pglite' (embedded) or 'postgres' (server). */
  engine: 'pglite' | 'postgres'
  close(): Promise<void>
}

/**
 * Both engines go through `pg` and Kysely's stock PostgresDialect: PGlite is reached via its
 * node-postgres adapter, so there is one SQL code path. `pgliteDir` null means in-memory (tests).
 */
export async function openDatabase(opts: { databaseUrl: string | null; pgliteDir: string | null }): Promise<OpenedDatabase> {
  if (opts.databaseUrl) {
    const pool = new Pool({ connectionString: opts.databaseUrl, max: 10 })
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, engine: 'postgres', close: () => db.destroy() }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres')
  if (opts.pgliteDir) fs.mkdirSync(path.dirname(opts.pgliteDir), { recursive: true })
  const pglite = await PGlite.create(opts.pgliteDir ?? 'memory://')
  // Keep the embedded folder small: the default WAL allowance lets it grow past 1 GB.
  await pglite.query(`ALTER SYSTEM SET max_wal_size = '64MB'`)
  await pglite.query('SELECT pg_reload_conf()')
  const pool = new Pool({ ...createPgConfig(pglite), max: 1 })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    engine: 'pglite',
    async close() {
      await db.destroy()
      await pglite.close()
    }
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`)
  }
}

/**
 * Fresh planner statistics. PGlite has no autovacuum, so without this it never learns table
 * sizes and plans every inbox page as a scan and sort of all items; run after migrating and
 * after any large seed. Harmless on PostgreSQL (autovacuum does the same later).
 */
export async function analyzeDatabase(db: Kysely<Database>): Promise<void> {
  await sql`ANALYZE`.execute(db)
}
