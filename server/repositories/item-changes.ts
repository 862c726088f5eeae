import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import { VISIBLE_ITEM } from '../../domain/moderation/item'

export interface ChangeRow {
  id: string
  version: number
  status: string
  kind: string
  /** last_activity_at as PostgreSQL prints it, exact to the microsecond (the cursor keeps it). */
  at: string
}

/**
 * Items of a bureau changed after the position (last_activity_at, id), oldest first, over
 * item_org_activity_idx (migration 2026-12-04T0300-live).
 */
export async function changesAfter(db: DbOrTx, orgId: string, after: { at: string; id: string }, limit: number): Promise<ChangeRow[]> {
  const { rows } = await sql<ChangeRow>`
    SELECT id, version, status, kind, to_json(last_activity_at) #>> '{}' AS at
    FROM item
    WHERE org_id = ${orgId} AND (last_activity_at, id) > (${after.at}::timestamptz, ${after.id}::uuid) AND moderation = ${VISIBLE_ITEM}
    ORDER BY last_activity_at, id
    LIMIT ${limit}`.execute(db)
  return rows
}
