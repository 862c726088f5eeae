import type { Db } from '../db/database'
import type { CreateMessageBody, MyMessageView } from '../../domain/schemas/item'
import { appendEvent, listTimelines } from './events'
import { newReadableCode } from './readable-code'
import { createOnce } from './create-once'
import type { MessageStatus } from '../../domain/message/state-machine'
import { dueAtFor } from '../services/deadlines'

export interface CreatedMessageRow {
  id: string
  trackingCode: string
  status: MessageStatus
  /** False when the client id was seen before and the first message is returned. */
  created: boolean
}

/** Item, message detail and the first timeline event are written together or not at all. */
export async function createMessage(db: Db, orgId: string, authorId: string, input: CreateMessageBody): Promise<CreatedMessageRow> {
  const key = input.clientId ? { orgId, authorId, clientId: input.clientId } : null
  const { id, created } = await createOnce(db, key, () =>
    db.transaction().execute(async (tx) => {
      const due = await dueAtFor(tx, orgId, 'message', input.category, new Date(), 'created')
      const item = await tx
        .insertInto('item')
        .values({ org_id: orgId, kind: 'message', status: 'new', author_id: authorId, client_id: input.clientId ?? null, due_at: due?.dueAt ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
      await tx
        .insertInto('message')
        .values({ item_id: item.id, category: input.category, body: input.body, contact_phone: input.contactPhone ?? null, tracking_code: newReadableCode() })
        .execute()
      await appendEvent(tx, { org_id: orgId, item_id: item.id, actor_id: authorId, action: 'create', from_status: null, to_status: 'new', is_public: true })
      return item.id
    })
  )
  const row = await db
    .selectFrom('item')
    .innerJoin('message', 'message.item_id', 'item.id')
    .select(['item.status', 'message.tracking_code'])
    .where('item.id', '=', id)
    .executeTakeFirstOrThrow()
  return { id, trackingCode: row.tracking_code, status: row.status as MessageStatus, created }
}

export async function listMyMessages(db: Db, authorId: string): Promise<MyMessageView[]> {
  const rows = await db
    .selectFrom('item')
    .innerJoin('message', 'message.item_id', 'item.id')
    .select(['item.id', 'item.status', 'item.created_at', 'message.category', 'message.body', 'message.tracking_code'])
    .where('item.author_id', '=', authorId)
    .where('item.kind', '=', 'message')
    .orderBy('item.created_at', 'desc')
    .limit(100)
    .execute()
  const timelines = await listTimelines(db, rows.map((r) => r.id), true)
  return rows.map((r) => {
    const timeline = timelines.get(r.id) ?? []
    const lastReply = [...timeline].reverse().find((e) => e.action === 'reply' && e.body)
    return {
      id: r.id,
      trackingCode: r.tracking_code,
      category: r.category,
      body: r.body,
      status: r.status as MyMessageView['status'],
      createdAt: r.created_at.toISOString(),
      reply: lastReply ? { body: lastReply.body!, at: lastReply.at, byName: lastReply.actorName } : null,
      timeline
    }
  })
}
