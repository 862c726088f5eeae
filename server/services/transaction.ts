import { CompiledQuery, type Transaction } from 'kysely'
import type { Database, Db } from '../db/database'

type Hook = () => void | Promise<void>

/**
 * One unit of work: the transaction repositories write through, plus what should happen only
 * once it has committed (queue a job, notify listeners). Services open it; repositories never do.
 */
export interface TxScope {
  readonly tx: Transaction<Database>
  /** Runs after COMMIT, in registration order; never when the transaction rolls back. */
  afterCommit(hook: Hook): void
  /**
   * The transaction as pg-boss's `db` option expects it (`executeSql(text, values)`), so a job
   * sent with it is queued atomically with the change that caused it.
   */
  readonly jobDb: { executeSql(text: string, values: unknown[]): Promise<{ rows: any[] }> }
}

export type HookErrorSink = (err: unknown) => void
const warn: HookErrorSink = (err) => process.emitWarning(`after-commit hook failed: ${err instanceof Error ? err.message : String(err)}`)

const isScope = (x: Db | TxScope): x is TxScope => 'afterCommit' in x && 'tx' in x

/**
 * Runs `fn` in one transaction. Given a scope instead of the database, it joins that
 * transaction (a service calling another), and the hooks wait for the outermost commit.
 * A hook that fails cannot undo a committed change, so its error goes to `onHookError`
 * instead of to the caller.
 */
export async function inTransaction<T>(db: Db | TxScope, fn: (scope: TxScope) => Promise<T>, onHookError: HookErrorSink = warn): Promise<T> {
  if (isScope(db)) return fn(db)
  const hooks: Hook[] = []
  const result = await db.transaction().execute(async (tx) => {
    const scope: TxScope = {
      tx,
      afterCommit: (hook) => void hooks.push(hook),
      jobDb: { executeSql: async (text, values) => ({ rows: (await tx.executeQuery(CompiledQuery.raw(text, values))).rows as any[] }) }
    }
    return fn(scope)
  })
  for (const hook of hooks) {
    try {
      await hook()
    } catch (err) {
      onHookError(err)
    }
  }
  return result
}
