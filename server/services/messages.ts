import type { Db, DbOrTx } from '../db/database'
import type { NewMessage } from '../db/tables/message'
import type { CreateMessageBody, MyMessageView } from '../../domain/schemas/item'
import type { MessageStatus } from '../../domain/message/state-machine'
import { ConflictError, InvalidError } from '../../domain/errors'
import { messageRuleProblems } from '../../domain/message/rules'
import { foreignMediaIds, linkPhotos } from '../repositories/media'
import { listEventRows } from '../repositories/events'
import { insertMessage, listMessagesBy, messageSummary } from '../repositories/messages'
import { newReadableCode } from '../repositories/readable-code'
import { createOnce } from '../repositories/create-once'
import { lastReply, toTimelines } from '../views/timeline'
import { mergedIntoViews } from './merge-effects'
import { inTransaction } from './transaction'
import { createItem } from './items'

export interface CreatedMessageRow {
  id: string
  trackingCode: string
  status: MessageStatus
  /** False when the client id was seen before and the first message is returned. */
  created: boolean
}

/** The category's rules (domain/message/rules.ts) and the photos' ownership; throws what to fix. */
async function checkMessageInput(db: DbOrTx, authorId: string, input: CreateMessageBody): Promise<void> {
  const problems = messageRuleProblems(input)
  if (problems.length) throw new InvalidError(problems.map((p) => p.message).join('；'), problems[0]!.field, 'message_rules')
  const foreign = await foreignMediaIds(db, authorId, input.mediaIds ?? [])
  if (foreign.length) throw new InvalidError(`有 ${foreign.length} 张照片不存在或不是您上传的，请重新上传后再提交`, 'mediaIds')
}

/** The message row: what the citizen wrote, trimmed; blank optional fields are not stored. */
function messageRow(itemId: string, input: CreateMessageBody): NewMessage {
  const business = input.business?.name.trim() ? input.business : undefined
  return {
    item_id: itemId,
    category: input.category,
    body: input.body,
    anonymous: input.anonymous ?? false,
    contact_phone: input.contactPhone ?? null,
    public_consent: input.publicConsent ?? false,
    business_name: business?.name.trim() ?? null,
    business_credit_code: business?.creditCode ?? null,
    praised: input.praised?.trim() || null,
    place_address: input.place?.address.trim() || null,
    place_lat: input.place?.address.trim() ? (input.place.lat ?? null) : null,
    place_lng: input.place?.address.trim() ? (input.place.lng ?? null) : null,
    tracking_code: newReadableCode()
  }
}

/** Item, message detail, photo links and the first timeline event are written together or not at all. */
export async function createMessage(db: Db, orgId: string, authorId: string, input: CreateMessageBody): Promise<CreatedMessageRow> {
  const key = input.clientId ? { orgId, authorId, kind: 'message' as const, clientId: input.clientId } : null
  const { id, created } = await createOnce(db, key, async () => {
    await checkMessageInput(db, authorId, input)
    return inTransaction(db, async (scope) => {
      const item = await createItem(scope, { org_id: orgId, kind: 'message', author_id: authorId, client_id: input.clientId ?? null }, async (item) => {
        await insertMessage(scope.tx, messageRow(item.id, input))
        await linkPhotos(scope.tx, item.id, input.mediaIds ?? [])
      })
      return item.id
    })
  })
  const row = await messageSummary(db, id)
  // The same client id already made something else (a case): never answer with it.
  if (!row) throw new ConflictError('该提交编号已用于其他内容，请重新提交', { clientId: input.clientId }, 'client_id_taken')
  return { id, trackingCode: row.tracking_code, status: row.status as MessageStatus, created }
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
      ...(r.duplicate_of ? { mergedInto: merged.get(r.id) ?? null } : {})
    }
  })
}
