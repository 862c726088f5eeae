import type { DbOrTx } from '../db/database'
import type { NewItemEvent } from '../db/tables/item-event'
import type { TimelineEvent } from '../../domain/schemas/item'

export async function appendEvent(db: DbOrTx, event: NewItemEvent): Promise<void> {
  await db.insertInto('item_event').values(event).execute()
}

/** Oldest first. `publicOnly` gives what the item's author may see. */
export async function listTimeline(db: DbOrTx, itemId: string, publicOnly: boolean): Promise<TimelineEvent[]> {
  return (await listTimelines(db, [itemId], publicOnly)).get(itemId) ?? []
}

/** Timelines of several items in one query (a list page), keyed by item id. */
export async function listTimelines(db: DbOrTx, itemIds: string[], publicOnly: boolean): Promise<Map<string, TimelineEvent[]>> {
  const byItem = new Map<string, TimelineEvent[]>()
  if (!itemIds.length) return byItem
  let q = db
    .selectFrom('item_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.item_id', 'e.id', 'e.action', 'e.from_status', 'e.to_status', 'e.body', 'e.reason', 'e.created_at', 'e.is_public', 'u.name as actor_name', 'u.roles as actor_roles'])
    .where('e.item_id', 'in', itemIds)
    .orderBy('e.created_at')
    .orderBy('e.id')
  if (publicOnly) q = q.where('e.is_public', '=', true)
  for (const r of await q.execute()) {
    const list = byItem.get(r.item_id) ?? []
    list.push({
      id: r.id,
      action: r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      // The public sees the bureau, not the individual officer who acted.
      actorName: publicOnly && r.actor_roles && !r.actor_roles.every((x) => x === 'citizen') ? '县市场监管局' : r.actor_name,
      body: r.body,
      reason: r.reason,
      at: r.created_at.toISOString()
    })
    byItem.set(r.item_id, list)
  }
  return byItem
}
