import type { DbOrTx } from '../db/database'
import type { Item } from '../db/tables/item'
import type { ItemDetail, MergedIntoView, TimelineEvent } from '../../domain/schemas/item'
import type { MessageStatus } from '../../domain/message/state-machine'
import { MERGED_IN_EVENT } from '../../domain/message/state-machine'
import { appendEvent, listEventRows, type TimelineRow } from '../repositories/events'
import { updateItem, type Actor } from '../repositories/items'
import { mergedFromRows, repointMerged, survivorRows, trackingCodeOf } from '../repositories/merges'
import { isStaffRow, lastReply, toTimelineEvent } from '../views/timeline'
import type { TxScope } from './transaction'
import { notify } from './notifications'

/**
 * The survivor's side of a merge, in the merge's transaction: its own (internal) event naming
 * the merged message, a version bump so open desks see it changed, and whatever had been merged
 * into the merged message moves on to the survivor. The survivor's search text picks up the
 * merged 留言码 from the event, so searching either code finds it.
 */
export async function recordMergedInto(scope: TxScope, actor: Actor, merged: Item, survivorId: string, at: Date): Promise<void> {
  await repointMerged(scope.tx, merged.id, survivorId, at)
  const survivor = await updateItem(scope.tx, survivorId, {}, at)
  const code = await trackingCodeOf(scope.tx, merged.id)
  const event = await appendEvent(scope.tx, {
    org_id: survivor.org_id,
    item_id: survivor.id,
    actor_id: actor.id,
    action: MERGED_IN_EVENT,
    from_status: null,
    to_status: null,
    body: code ? `留言码 ${code}` : null,
    is_public: false,
    item_version: survivor.version
  })
  // Whoever handles the survivor now answers one more citizen: they hear it under the bell.
  if (survivor.assignee_id) {
    await notify(scope.tx, {
      orgId: survivor.org_id,
      kind: 'merged_in',
      itemId: survivor.id,
      userIds: [survivor.assignee_id],
      actorId: actor.id,
      body: code ? `留言码 ${code} 已合并到您经办的留言` : null,
      dedupeKey: event.id
    })
  }
}

/**
 * The survivor's public timeline as another citizen (the merged message's author) may see it:
 * what the bureau did, with the survivor's author's own words and name left out.
 */
function forOtherCitizen(r: TimelineRow): TimelineEvent {
  const event = toTimelineEvent(r, true)
  return isStaffRow(r) ? event : { ...event, actorName: null, body: null }
}

/** Where each merged message went (merged id → the survivor as its author may see it). */
export async function mergedIntoViews(db: DbOrTx, merged: { id: string; survivorId: string }[]): Promise<Map<string, MergedIntoView>> {
  const out = new Map<string, MergedIntoView>()
  if (!merged.length) return out
  const survivorIds = [...new Set(merged.map((m) => m.survivorId))]
  const [rows, events] = await Promise.all([survivorRows(db, survivorIds), listEventRows(db, survivorIds, true)])
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const m of merged) {
    const s = byId.get(m.survivorId)
    if (!s) continue
    const timeline = (events.get(s.id) ?? []).map(forOtherCitizen)
    out.set(m.id, { id: s.id, trackingCode: s.tracking_code, status: s.status as MessageStatus, reply: lastReply(timeline), timeline })
  }
  return out
}

/** The merge links of an item's detail: where a merged one went, and (desk) what was merged in. */
export async function mergeViews(db: DbOrTx, item: Item, desk: boolean): Promise<Pick<ItemDetail, 'mergedInto' | 'mergedFrom'>> {
  const into = item.duplicate_of ? ((await mergedIntoViews(db, [{ id: item.id, survivorId: item.duplicate_of }])).get(item.id) ?? null) : undefined
  const from = desk
    ? (await mergedFromRows(db, item.id)).map((r) => ({
        id: r.id,
        trackingCode: r.tracking_code,
        excerpt: excerpt(r.body ?? ''),
        authorName: r.author_name,
        photoCount: Number(r.photo_count ?? 0),
        createdAt: r.created_at.toISOString()
      }))
    : undefined
  return { ...(into === undefined ? {} : { mergedInto: into }), ...(from === undefined ? {} : { mergedFrom: from }) }
}

function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return Array.from(flat).length > max ? Array.from(flat).slice(0, max).join('') + '…' : flat
}
