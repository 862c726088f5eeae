import type { DbOrTx } from '../db/database'
import type { NewMessage } from '../db/tables/message'

export async function insertMessage(db: DbOrTx, row: NewMessage): Promise<void> {
  await db.insertInto('message').values(row).execute()
}

/** What a submitter gets back: the code to quote and where the message stands. */
export async function messageSummary(db: DbOrTx, itemId: string) {
  return db
    .selectFrom('item')
    .innerJoin('message', 'message.item_id', 'item.id')
    .select(['item.kind', 'item.status', 'message.tracking_code'])
    .where('item.id', '=', itemId)
    .executeTakeFirst()
}

export async function listMessagesBy(db: DbOrTx, authorId: string, limit = 100) {
  return db
    .selectFrom('item')
    .innerJoin('message', 'message.item_id', 'item.id')
    .select(['item.id', 'item.status', 'item.created_at', 'item.duplicate_of', 'message.category', 'message.body', 'message.tracking_code'])
    .where('item.author_id', '=', authorId)
    .where('item.kind', '=', 'message')
    .orderBy('item.created_at', 'desc')
    .limit(limit)
    .execute()
}

/** A message's contact details, in the actor's bureau (undefined for a case or another bureau's item). */
export async function messageContact(db: DbOrTx, orgId: string, itemId: string) {
  return db
    .selectFrom('message')
    .innerJoin('item', 'item.id', 'message.item_id')
    .select(['message.contact_phone', 'message.anonymous'])
    .where('message.item_id', '=', itemId)
    .where('item.org_id', '=', orgId)
    .executeTakeFirst()
}
