import type { Db, DbOrTx } from '../db/database'
import type { CreateCaseBody, ResubmitCaseBody, MyCaseView } from '../../domain/schemas/case'
import type { CaseStatus } from '../../domain/case/state-machine'
import { badRequest } from '../http/errors'
import { appendEvent } from './events'
import { applyAction, type Actor } from './items'
import { foreignMediaIds, linkPhotos, photosOfItems, toMediaView, type SignMediaUrl } from './media'
import { createOnce } from './create-once'
import { dueAtFor } from '../services/deadlines'

export interface CaseAuthor extends Actor {
  departmentId: string | null
}

// A phone's clock may run a little fast; anything further ahead is a typo.
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000

async function checkCaseInput(db: DbOrTx, author: CaseAuthor, input: ResubmitCaseBody): Promise<void> {
  if (Date.parse(input.occurredAt) > Date.now() + FUTURE_TOLERANCE_MS) throw badRequest('发生时间不能晚于现在，请检查日期和时间')
  const foreign = await foreignMediaIds(db, author.id, [...new Set(input.mediaIds)])
  if (foreign.length) throw badRequest(`有 ${foreign.length} 张照片不存在或不是您上传的，请重新上传后再提交`)
}

const caseRow = (input: ResubmitCaseBody) => ({
  title: input.title,
  body: input.body,
  occurred_at: new Date(input.occurredAt),
  place_address: input.place?.address ?? null,
  place_lat: input.place?.lat ?? null,
  place_lng: input.place?.lng ?? null
})

/**
 * Idempotent on (officer, clientId): the outbox may send the same case any number of times
 * (retries, timeouts after the server acted, restarts); the first write wins and every later
 * one gets that case back. Item, case text, photo links and the first event are one transaction.
 */
export async function createCase(db: Db, author: CaseAuthor, input: CreateCaseBody): Promise<{ id: string; created: boolean }> {
  return createOnce(db, { orgId: author.orgId, authorId: author.id, clientId: input.clientId }, async () => {
    await checkCaseInput(db, author, input)
    return db.transaction().execute(async (tx) => {
      const due = await dueAtFor(tx, author.orgId, 'case', null, new Date(), 'created')
      const item = await tx
        .insertInto('item')
        .values({ org_id: author.orgId, kind: 'case', status: 'new', author_id: author.id, department_id: author.departmentId, client_id: input.clientId, topics: input.topics ?? [], due_at: due?.dueAt ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
      await tx.insertInto('case_report').values({ item_id: item.id, ...caseRow(input) }).execute()
      await linkPhotos(tx, item.id, input.mediaIds)
      await appendEvent(tx, { org_id: author.orgId, item_id: item.id, actor_id: author.id, action: 'create', from_status: null, to_status: 'new', is_public: true })
      return item.id
    })
  })
}

/** A returned case, edited by its officer, goes back to the inbox as `resubmitted`. */
export async function resubmitCase(db: Db, author: CaseAuthor, id: string, input: ResubmitCaseBody): Promise<void> {
  await checkCaseInput(db, author, input)
  await applyAction(db, author, id, { action: 'resubmit' }, async (tx, item) => {
    await tx.updateTable('case_report').set(caseRow(input)).where('item_id', '=', item.id).execute()
    await tx.updateTable('item').set({ topics: input.topics ?? [] }).where('id', '=', item.id).execute()
    await linkPhotos(tx, item.id, input.mediaIds)
  })
}

export async function listMyCases(db: Db, authorId: string, sign: SignMediaUrl, onlyId?: string): Promise<MyCaseView[]> {
  let q = db
    .selectFrom('item')
    .innerJoin('case_report as c', 'c.item_id', 'item.id')
    .selectAll('c')
    .select(['item.id', 'item.client_id', 'item.status', 'item.topics', 'item.created_at'])
    .where('item.author_id', '=', authorId)
    .where('item.kind', '=', 'case')
    .orderBy('item.created_at', 'desc')
    .limit(100)
  if (onlyId) q = q.where('item.id', '=', onlyId)
  const rows = await q.execute()
  const ids = rows.map((r) => r.id)
  const [photos, comments] = await Promise.all([photosOfItems(db, ids), latestStaffComments(db, ids)])
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    title: r.title,
    body: r.body,
    status: r.status as CaseStatus,
    occurredAt: r.occurred_at.toISOString(),
    place: r.place_address ? { address: r.place_address, ...(r.place_lat !== null && r.place_lng !== null ? { lat: r.place_lat, lng: r.place_lng } : {}) } : null,
    topics: r.topics,
    photos: (photos.get(r.id) ?? []).map((m) => toMediaView(m, sign)),
    staffComment: comments.get(r.id) ?? null,
    createdAt: r.created_at.toISOString()
  }))
}

/** The newest note staff wrote on each case (why it was returned, or a word of thanks). */
async function latestStaffComments(db: DbOrTx, itemIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (!itemIds.length) return out
  const rows = await db
    .selectFrom('item_event')
    .select(['item_id', 'body'])
    .where('item_id', 'in', itemIds)
    .where('action', 'in', ['return', 'accept', 'archive'])
    .where('body', 'is not', null)
    .orderBy('created_at', 'asc')
    .execute()
  for (const r of rows) out.set(r.item_id, r.body!)
  return out
}
