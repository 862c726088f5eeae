import type { TimelineEvent } from '../../domain/schemas/item'
import type { TimelineRow } from '../repositories/events'
import { REPLY_ACTION } from '../../domain/message/state-machine'

/** The bureau's name as the public sees it acting. */
export const BUREAU_ACTOR = '县市场监管局'

/**
 * One event as a reader sees it. The public (an item's author) sees the bureau, not the
 * individual officer who acted; internal events never reach them (the query leaves them out).
 */
/** Whether the bureau acted (anyone but a citizen). */
export const isStaffRow = (r: Pick<TimelineRow, 'actor_roles'>) => !!r.actor_roles && !r.actor_roles.every((x) => x === 'citizen')

export function toTimelineEvent(r: TimelineRow, forPublic: boolean): TimelineEvent {
  const byStaff = isStaffRow(r)
  return {
    id: r.id,
    action: r.action as TimelineEvent['action'],
    fromStatus: r.from_status as TimelineEvent['fromStatus'],
    toStatus: r.to_status as TimelineEvent['toStatus'],
    actorName: forPublic && byStaff ? BUREAU_ACTOR : r.actor_name,
    body: r.body,
    reason: r.reason,
    ...(r.transferred_to ? { transferredTo: r.transferred_to } : {}),
    ...(r.rating ? { rating: r.rating } : {}),
    ...(forPublic ? {} : { isPublic: r.is_public }),
    at: r.created_at.toISOString()
  }
}

export function toTimelines(rows: Map<string, TimelineRow[]>, forPublic: boolean): Map<string, TimelineEvent[]> {
  return new Map([...rows].map(([id, list]) => [id, list.map((r) => toTimelineEvent(r, forPublic))]))
}

/** The bureau's latest answer in a timeline (what 我的留言 shows as 答复). */
export function lastReply(timeline: readonly TimelineEvent[]): ReplyViewShape | null {
  const r = [...timeline].reverse().find((e) => e.action === REPLY_ACTION && e.body)
  return r ? { body: r.body!, at: r.at, byName: r.actorName } : null
}
type ReplyViewShape = { body: string; at: string; byName: string | null }
