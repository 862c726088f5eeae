import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'

/** The tables of the capped lists (domain/limits.ts LIST_CAPS); `topic` counts per year. */
export type CappedTable = 'department' | 'topic' | 'canned_reply' | 'outlet' | 'editorial_expression'

/**
 * How many rows a bureau's list holds, counted under an advisory lock held to the end of the
 * transaction: of two creations racing, the second counts only once the first has committed,
 * and so sees its row (a bare count would let both through).
 */
export async function lockAndCount(tx: DbOrTx, table: CappedTable, orgId: string, year?: number): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`list-cap:${table}:${orgId}:${year ?? ''}`}, 0))`.execute(tx)
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE org_id = ${orgId}${year === undefined ? sql`` : sql` AND year = ${year}`}
  `.execute(tx)
  return rows[0]!.n
}
