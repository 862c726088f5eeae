import type { DbOrTx } from '../db/database'
import type { NewSubscribeGrant, SubscribeGrant } from '../db/tables/subscribe-grant'

export async function insertGrants(db: DbOrTx, rows: NewSubscribeGrant[]): Promise<void> {
  if (rows.length) await db.insertInto('subscribe_grant').values(rows).execute()
}

/** Unused grants of one message, per template id. */
export async function unusedGrantCounts(db: DbOrTx, itemId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('subscribe_grant')
    .select(['template_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('item_id', '=', itemId)
    .where('send_key', 'is', null)
    .groupBy('template_id')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.template_id, Number(r.n)]))
}

export async function hasUnusedGrant(db: DbOrTx, itemId: string, templateId: string): Promise<boolean> {
  const row = await db.selectFrom('subscribe_grant').select('id').where('item_id', '=', itemId).where('template_id', '=', templateId).where('send_key', 'is', null).limit(1).executeTakeFirst()
  return !!row
}

/**
 * The grant a send spends: the one it claimed before (a retry), or else the oldest unused one,
 * claimed now under a row lock so two sends never spend the same grant.
 */
export async function claimGrant(db: DbOrTx, itemId: string, templateId: string, sendKey: string, at: Date): Promise<SubscribeGrant | undefined> {
  const mine = await db.selectFrom('subscribe_grant').selectAll().where('item_id', '=', itemId).where('template_id', '=', templateId).where('send_key', '=', sendKey).executeTakeFirst()
  if (mine) return mine
  const free = await db
    .selectFrom('subscribe_grant')
    .select('id')
    .where('item_id', '=', itemId)
    .where('template_id', '=', templateId)
    .where('send_key', 'is', null)
    .orderBy('created_at')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst()
  if (!free) return undefined
  return db.updateTable('subscribe_grant').set({ send_key: sendKey, used_at: at }).where('id', '=', free.id).returningAll().executeTakeFirstOrThrow()
}

export async function recordOutcome(db: DbOrTx, grantId: string, outcome: 'sent' | 'refused', errcode: number | null): Promise<void> {
  await db.updateTable('subscribe_grant').set({ outcome, errcode }).where('id', '=', grantId).execute()
}

/** What a subscribe message says about a message: its code, category and where it stands. */
export async function subscribeFacts(db: DbOrTx, itemId: string, status: string) {
  const [message, event] = await Promise.all([
    db
      .selectFrom('item')
      .innerJoin('message', 'message.item_id', 'item.id')
      .innerJoin('app_user', 'app_user.id', 'item.author_id')
      .select(['item.status', 'message.tracking_code', 'message.category', 'app_user.wechat_openid'])
      .where('item.id', '=', itemId)
      .executeTakeFirst(),
    db
      .selectFrom('item_event')
      .select(['body', 'created_at'])
      .where('item_id', '=', itemId)
      .where('to_status', '=', status)
      .where('is_public', '=', true)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst()
  ])
  return message && { ...message, body: event?.body ?? null, at: event?.created_at ?? null }
}
