import type { DbOrTx } from '../db/database'
import type { NewItemEvent } from '../db/tables/item-event'
import type { Role } from '../../domain/roles'

export interface TimelineRow {
  item_id: string
  id: string
  action: string
  from_status: string | null
  to_status: string | null
  body: string | null
  reason: string | null
  transferred_to: string | null
  is_public: boolean
  created_at: Date
  actor_id: string | null
  actor_name: string | null
  actor_roles: Role[] | null
}

export async function appendEvent(db: DbOrTx, event: NewItemEvent): Promise<{ id: string; created_at: Date }> {
  return db.insertInto('item_event').values(event).returning(['id', 'created_at']).executeTakeFirstOrThrow()
}

/** Events of several items in one query (a list page), oldest first, keyed by item id. */
export async function listEventRows(db: DbOrTx, itemIds: string[], publicOnly: boolean): Promise<Map<string, TimelineRow[]>> {
  const byItem = new Map<string, TimelineRow[]>()
  if (!itemIds.length) return byItem
  let q = db
    .selectFrom('item_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.item_id', 'e.id', 'e.action', 'e.from_status', 'e.to_status', 'e.body', 'e.reason', 'e.transferred_to', 'e.created_at', 'e.is_public', 'e.actor_id', 'u.name as actor_name', 'u.roles as actor_roles'])
    .where('e.item_id', 'in', itemIds)
    .orderBy('e.created_at')
    .orderBy('e.id')
  if (publicOnly) q = q.where('e.is_public', '=', true)
  for (const r of await q.execute()) {
    const list = byItem.get(r.item_id) ?? []
    list.push(r)
    byItem.set(r.item_id, list)
  }
  return byItem
}

/** Who did what to an item so far, oldest first: what transition guards read. */
export async function itemHistory(db: DbOrTx, itemId: string): Promise<{ action: string; actorId: string | null }[]> {
  const rows = await db.selectFrom('item_event').select(['action', 'actor_id']).where('item_id', '=', itemId).orderBy('created_at').orderBy('id').execute()
  return rows.map((r) => ({ action: r.action, actorId: r.actor_id }))
}

export async function lastEvent(db: DbOrTx, itemId: string): Promise<TimelineRow | undefined> {
  const row = await db
    .selectFrom('item_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.item_id', 'e.id', 'e.action', 'e.from_status', 'e.to_status', 'e.body', 'e.reason', 'e.transferred_to', 'e.created_at', 'e.is_public', 'e.actor_id', 'u.name as actor_name', 'u.roles as actor_roles'])
    .where('e.item_id', '=', itemId)
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row
}

/** Events that moved an item past `version` (each records the version it produced), oldest first. */
export async function eventsSinceVersion(db: DbOrTx, itemId: string, version: number, limit = 10) {
  return db
    .selectFrom('item_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.action', 'e.item_version', 'e.created_at', 'e.actor_id', 'u.name as actor_name'])
    .where('e.item_id', '=', itemId)
    .where('e.item_version', '>', version)
    .orderBy('e.item_version')
    .limit(limit)
    .execute()
}
