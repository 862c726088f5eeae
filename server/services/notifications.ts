import type { DbOrTx } from '../db/database'
import type { NotificationKind } from '../../domain/notifications'
import { insertNotifications } from '../repositories/notifications'

export interface NotifyInput {
  orgId: string
  kind: NotificationKind
  itemId: string
  /** Who is told; the actor is never told about their own action. */
  userIds: readonly string[]
  actorId?: string | null
  body?: string | null
  /**
   * What makes this notification unique per person, e.g. the id of the assign or note event,
   * or the reminder's day. The same key twice (a retried request, a rerun job) inserts nothing.
   */
  dedupeKey: string
}

/**
 * In-app notifications (the bell), written in the caller's transaction so they exist exactly
 * when the event that caused them does. Returns how many were new.
 */
export async function notify(tx: DbOrTx, input: NotifyInput): Promise<number> {
  const users = [...new Set(input.userIds)].filter((u) => u !== input.actorId)
  return insertNotifications(
    tx,
    users.map((userId) => ({
      org_id: input.orgId,
      user_id: userId,
      kind: input.kind,
      item_id: input.itemId,
      actor_id: input.actorId ?? null,
      body: input.body ?? null,
      dedupe_key: `${input.kind}:${input.dedupeKey}:${userId}`
    }))
  )
}
