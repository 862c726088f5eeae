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

/** The author's messages with a public event after `since`, counted once each. */
export async function countChangedSince(db: DbOrTx, orgId: string, authorId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('item')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('item.org_id', '=', orgId)
    .where('item.author_id', '=', authorId)
    .where('item.kind', '=', 'message')
    .where((eb) =>
      eb.exists(eb.selectFrom('item_event as e').select('e.id').whereRef('e.item_id', '=', 'item.id').where('e.is_public', '=', true).where('e.created_at', '>', since))
    )
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
