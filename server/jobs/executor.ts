import { CompiledQuery } from 'kysely'
import type { DbOrTx } from '../db/database'

/**
 * pg-boss's `db` option: it runs its SQL through the app's own Kysely connection, so on PGlite
 * (one connection, in-process) the queue shares the embedded database, and given a transaction
 * a job is queued inside it. Statements without values go as simple queries, so pg-boss's
 * multi-statement migrations work on both engines.
 */
export function kyselyExecutor(db: DbOrTx) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await db.executeQuery<any>(CompiledQuery.raw(text, values ?? []))
      return { rows: result.rows }
    }
  }
}
