import type { DbOrTx } from '../db/database'

/** A message of the bureau by its 留言码: only what the public tracking page shows. */
export async function findByTrackingCode(db: DbOrTx, orgId: string, code: string) {
  return db
    .selectFrom('item')
    .innerJoin('message', 'message.item_id', 'item.id')
    .select(['item.id', 'item.status', 'item.created_at', 'item.accepted_at', 'item.first_reply_at', 'item.closed_at', 'item.duplicate_of', 'message.category', 'message.tracking_code'])
    .where('message.tracking_code', '=', code)
    .where('item.org_id', '=', orgId)
    .where('item.kind', '=', 'message')
    .executeTakeFirst()
}
