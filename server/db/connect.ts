import fs from 'node:fs'
import path from 'node:path'
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely'
import { Pool } from 'pg'
import type { Database } from './database'
import { migrationProvider } from './migrations'
import { openPgliteThread, type NotifyListener } from './pglite-thread'
import { listenOnPostgres } from './listen'

/**
 * The channels the database's triggers and services NOTIFY on (migration 2026-12-04T0300-live;
 * zb_calendar: services/calendar-cache.ts).
 */
export const LIVE_CHANNELS = ['zb_item_change', 'zb_presence', 'zb_calendar'] as const
export type LiveChannel = (typeof LIVE_CHANNELS)[number]

/**
 * Notifications of this database, for the whole process: `onNotify` for each one (delivered at
 * COMMIT), `onReset` when some may have been missed (a lost LISTEN connection came back).
 * Resolves to the unsubscription.
 */
export type ListenFn = (onNotify: NotifyListener, onReset: () => void) => Promise<() => Promise<void>>

export interface OpenedDatabase {
  db: Kysely<Database>
  /** 'pglite' (embedded) or 'postgres' (server). */
  engine: 'pglite' | 'postgres'
  listen: ListenFn
  close(): Promise<void>
}

/**
 * Both engines go through `pg` and Kysely's stock PostgresDialect: PGlite is reached via its
 * node-postgres adapter (in a worker thread, `pglite-thread.ts`), so there is one SQL code path. `pgliteDir` null means in-memory (tests).
 */
export async function openDatabase(opts: { databaseUrl: string | null; pgliteDir: string | null }): Promise<OpenedDatabase> {
  if (opts.databaseUrl) {
    const pool = new Pool({ connectionString: opts.databaseUrl, max: 10 })
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    // One LISTEN connection per subscription (the app makes one per process), outside the pool.
    const listen: ListenFn = (onNotify, onReset) => listenOnPostgres(opts.databaseUrl!, LIVE_CHANNELS, onNotify, onReset)
    return { db, engine: 'postgres', listen, close: () => db.destroy() }
  }
  if (opts.pgliteDir) fs.mkdirSync(path.dirname(opts.pgliteDir), { recursive: true })
  // Off the main thread: the embedded database must not stall the event loop.
  const pool = openPgliteThread(opts.pgliteDir, LIVE_CHANNELS)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as unknown as Pool }) })
  return {
    db,
    engine: 'pglite',
    // Embedded means one process: PGlite's own listeners (in its thread) are the whole feed.
    listen: async (onNotify) => {
      const off = pool.onNotify(onNotify)
      return async () => off()
    },
    async close() {
      // Kysely's destroy ends the pool, which closes PGlite and stops its thread.
      await db.destroy()
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
