import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import { ANONYMOUS_AUTHOR } from '../../domain/message/contact'

/** What was merged into `fromId` now belongs to its own survivor: no chains to follow later. */
export async function repointMerged(db: DbOrTx, fromId: string, toId: string, at: Date): Promise<void> {
  await db
    .updateTable('item')
    .set({ duplicate_of: toId, last_activity_at: at, version: sql<number>`version + 1` })
    .where('duplicate_of', '=', fromId)
    .execute()
}

export async function trackingCodeOf(db: DbOrTx, itemId: string): Promise<string | null> {
  return (await db.selectFrom('message').select('tracking_code').where('item_id', '=', itemId).executeTakeFirst())?.tracking_code ?? null
}

/** The survivors of several merged messages: where each stands and its 留言码. */
export async function survivorRows(db: DbOrTx, ids: string[]) {
  if (!ids.length) return []
  return db
    .selectFrom('item')
    .innerJoin('message', 'message.item_id', 'item.id')
    .select(['item.id', 'item.status', 'message.tracking_code'])
    .where('item.id', 'in', ids)
    .execute()
}

/** The messages merged into an item, oldest first, with what the desk's list shows of each. */
export async function mergedFromRows(db: DbOrTx, itemId: string) {
  return db
    .selectFrom('item')
    .leftJoin('message', 'message.item_id', 'item.id')
    .leftJoin('app_user', 'app_user.id', 'item.author_id')
    .select((eb) => [
      'item.id',
      'item.created_at',
      'message.tracking_code',
      'message.body',
      // An anonymous tip-off merged here stays anonymous.
      sql<string | null>`CASE WHEN message.anonymous THEN ${ANONYMOUS_AUTHOR} ELSE app_user.name END`.as('author_name'),
      eb.selectFrom('item_media').select(eb.fn.countAll<number>().as('n')).whereRef('item_media.item_id', '=', 'item.id').as('photo_count')
    ])
    .where('item.duplicate_of', '=', itemId)
    .orderBy('item.created_at')
    .orderBy('item.id')
    .execute()
}
