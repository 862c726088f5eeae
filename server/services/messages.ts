import type { Db } from '../db/database'
import type { CreateMessageBody, MyMessageView } from '../../domain/schemas/item'
import type { MessageStatus } from '../../domain/message/state-machine'
import { ConflictError } from '../../domain/errors'
import { listEventRows } from '../repositories/events'
import { insertMessage, listMessagesBy, messageSummary } from '../repositories/messages'
import { newReadableCode } from '../repositories/readable-code'
import { createOnce } from '../repositories/create-once'
import { lastReply, toTimelines } from '../views/timeline'
import { mergedIntoViews } from './merge-effects'
import { inTransaction } from './transaction'
import { createItem } from './items'
import { screenTexts, type TextPart } from './content-check'
import type { ContentChecker } from '../content/checker'
import { VISIBLE_ITEM, type ItemModeration } from '../../domain/moderation/item'

/** Every free text of a message, for the content check: a new field is added here. */
const messageTexts = (input: CreateMessageBody): TextPart[] => [{ field: 'body', label: '留言内容', text: input.body }]

export interface CreatedMessageRow {
  id: string
  trackingCode: string
  status: MessageStatus
  /** False when the client id was seen before and the first message is returned. */
  created: boolean
  /** Set when the content check held it (审核中). */
  moderation?: ItemModeration
}

/** Item, message detail and the first timeline event are written together or not at all. */
export async function createMessage(db: Db, orgId: string, authorId: string, input: CreateMessageBody, checker: ContentChecker): Promise<CreatedMessageRow> {
  const key = input.clientId ? { orgId, authorId, kind: 'message' as const, clientId: input.clientId } : null
  const { id, created } = await createOnce(db, key, async () => {
    // Checked before anything is stored: risky is refused here, review is stored held.
    const screened = await screenTexts(db, checker, authorId, messageTexts(input))
    return inTransaction(db, async (scope) => {
      const item = await createItem(scope, { org_id: orgId, kind: 'message', author_id: authorId, client_id: input.clientId ?? null, moderation: screened.moderation, moderation_note: screened.note }, (item) =>
        insertMessage(scope.tx, { item_id: item.id, category: input.category, body: input.body, contact_phone: input.contactPhone ?? null, public_consent: input.publicConsent ?? false, tracking_code: newReadableCode() })
      )
      return item.id
    })
  })
  const row = await messageSummary(db, id)
  // The same client id already made something else (a case): never answer with it.
  if (!row) throw new ConflictError('该提交编号已用于其他内容，请重新提交', { clientId: input.clientId }, 'client_id_taken')
  return { id, trackingCode: row.tracking_code, status: row.status as MessageStatus, created, ...(row.moderation !== VISIBLE_ITEM ? { moderation: row.moderation } : {}) }
}

export async function listMyMessages(db: Db, authorId: string): Promise<MyMessageView[]> {
  const rows = await listMessagesBy(db, authorId)
  const timelines = toTimelines(await listEventRows(db, rows.map((r) => r.id), true), true)
  const merged = await mergedIntoViews(db, rows.filter((r) => r.duplicate_of).map((r) => ({ id: r.id, survivorId: r.duplicate_of! })))
  return rows.map((r) => {
    const timeline = timelines.get(r.id) ?? []
    return {
      id: r.id,
      trackingCode: r.tracking_code,
      category: r.category,
      body: r.body,
      status: r.status as MessageStatus,
      createdAt: r.created_at.toISOString(),
      reply: lastReply(timeline),
      timeline,
      ...(r.duplicate_of ? { mergedInto: merged.get(r.id) ?? null } : {}),
      ...(r.moderation !== VISIBLE_ITEM ? { moderation: r.moderation } : {})
    }
  })
}
