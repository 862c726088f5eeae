import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { Viewer } from '../../domain/schemas/live'

/** Starts or extends the user's presence on an item; true if they were not present before. */
export async function upsertPresence(db: DbOrTx, row: { orgId: string; itemId: string; userId: string; now: Date; expiresAt: Date }): Promise<boolean> {
  const before = await db
    .selectFrom('item_presence')
    .select('expires_at')
    .where('item_id', '=', row.itemId)
    .where('user_id', '=', row.userId)
    .forUpdate()
    .executeTakeFirst()
  await db
    .insertInto('item_presence')
    .values({ org_id: row.orgId, item_id: row.itemId, user_id: row.userId, expires_at: row.expiresAt })
    .onConflict((oc) => oc.columns(['item_id', 'user_id']).doUpdateSet({ expires_at: row.expiresAt }))
    .execute()
  return !before || before.expires_at <= row.now
}

/** Ends the user's presence; true if it was still live. */
export async function deletePresence(db: DbOrTx, itemId: string, userId: string, now: Date): Promise<boolean> {
  const gone = await db.deleteFrom('item_presence').where('item_id', '=', itemId).where('user_id', '=', userId).returning('expires_at').executeTakeFirst()
  return !!gone && gone.expires_at > now
}

/** Who has the item open at `now`, in the order they came; `except` leaves the caller out. */
export async function listViewers(db: DbOrTx, orgId: string, itemId: string, now: Date, except?: string): Promise<Viewer[]> {
  let q = db
    .selectFrom('item_presence as p')
    .innerJoin('app_user as u', 'u.id', 'p.user_id')
    .select(['u.id', 'u.name'])
    .where('p.item_id', '=', itemId)
    .where('p.org_id', '=', orgId)
    .where('p.expires_at', '>', now)
    .orderBy('u.name')
    .orderBy('u.id')
  if (except) q = q.where('p.user_id', '<>', except)
  return q.execute()
}

/** Removes presences that ran out; answers which items lost a viewer (one row per item). */
export async function deleteExpiredPresence(db: DbOrTx, now: Date): Promise<{ org_id: string; item_id: string }[]> {
  const rows = await db.deleteFrom('item_presence').where('expires_at', '<=', now).returning(['org_id', 'item_id']).execute()
  const seen = new Map(rows.map((r) => [r.item_id, r]))
  return [...seen.values()]
}

/** Tells every server process (LISTEN zb_presence) at commit that an item's viewers changed. */
export async function announcePresence(db: DbOrTx, orgId: string, itemId: string): Promise<void> {
  await sql`SELECT pg_notify('zb_presence', ${JSON.stringify({ orgId, itemId })})`.execute(db)
}
