import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { NewNotification } from '../db/tables/notification'
import type { NotificationKind } from '../../domain/notifications'

/** Inserts what is new; a dedupe key seen before is skipped. Returns how many were inserted. */
export async function insertNotifications(db: DbOrTx, rows: NewNotification[]): Promise<number> {
  if (!rows.length) return 0
  const inserted = await db
    .insertInto('notification')
    .values(rows)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute()
  return inserted.length
}

export interface NotificationListRow {
  id: string
  kind: NotificationKind
  item_id: string | null
  item_kind: 'message' | 'case' | null
  subject_type: string | null
  subject_id: string | null
  excerpt: string
  body: string | null
  actor_name: string | null
  created_at: Date
  read_at: Date | null
}

const EXCERPT_CHARS = 40

export async function listNotifications(db: DbOrTx, userId: string, opts: { unreadOnly: boolean; limit: number }): Promise<NotificationListRow[]> {
  let q = db
    .selectFrom('notification as n')
    .leftJoin('item as i', 'i.id', 'n.item_id')
    .leftJoin('message as m', 'm.item_id', 'i.id')
    .leftJoin('case_report as c', 'c.item_id', 'i.id')
    .leftJoin('app_user as a', 'a.id', 'n.actor_id')
    .select([
      'n.id',
      'n.kind',
      'n.item_id',
      'i.kind as item_kind',
      'n.subject_type',
      'n.subject_id',
      sql<string>`coalesce(c.title, left(m.body, ${sql.lit(EXCERPT_CHARS)}), '')`.as('excerpt'),
      'n.body',
      'a.name as actor_name',
      'n.created_at',
      'n.read_at'
    ])
    .where('n.user_id', '=', userId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(opts.limit)
  if (opts.unreadOnly) q = q.where('n.read_at', 'is', null)
  return q.execute()
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** False when the notification is not the user's (or does not exist). */
export async function markRead(db: DbOrTx, userId: string, id: string, at: Date): Promise<boolean> {
  const row = await db.selectFrom('notification').select(['id', 'read_at']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
  if (!row) return false
  if (!row.read_at) await db.updateTable('notification').set({ read_at: at }).where('id', '=', id).execute()
  return true
}

export async function markAllRead(db: DbOrTx, userId: string, at: Date): Promise<number> {
  const res = await db.updateTable('notification').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst()
  return Number(res.numUpdatedRows)
}
