import type { Db } from '../db/database'
import type { MentionView } from '../../domain/schemas/item'
import { listMentions } from '../repositories/mentions'

export async function listMyMentions(db: Db, user: { id: string; orgId: string }): Promise<MentionView[]> {
  const rows = await listMentions(db, user.orgId, user.id)
  return rows.map((r) => ({ itemId: r.item_id, kind: r.kind, eventId: r.event_id, body: r.body ?? '', byName: r.actor_name, at: r.created_at.toISOString() }))
}
