import type { Db, DbOrTx } from '../db/database'
import type { CreateCaseBody, ResubmitCaseBody, MyCaseView } from '../../domain/schemas/case'
import { CASE_FEEDBACK_ACTIONS, RESUBMIT_ACTION, type CaseStatus } from '../../domain/case/state-machine'
import { InvalidError } from '../../domain/errors'
import { insertCaseReport, latestNotes, listCasesBy, updateCaseReport, type CaseText } from '../repositories/cases'
import { foreignMediaIds, linkPhotos, photosOfItems } from '../repositories/media'
import { createOnce } from '../repositories/create-once'
import { toMediaView, type SignMediaUrl } from '../views/media'
import { toPlace } from '../views/item-detail'
import { refuseInactiveTopics } from './topic-rules'
import { inTransaction } from './transaction'
import { createItem, transition, type Actor } from './items'

export interface CaseAuthor extends Actor {
  departmentId: string | null
}

// A phone's clock may run a little fast; anything further ahead is a typo.
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000

async function checkCaseInput(db: DbOrTx, author: CaseAuthor, input: ResubmitCaseBody): Promise<void> {
  if (Date.parse(input.occurredAt) > Date.now() + FUTURE_TOLERANCE_MS) throw new InvalidError('发生时间不能晚于现在，请检查日期和时间', 'occurredAt')
  const foreign = await foreignMediaIds(db, author.id, [...new Set(input.mediaIds)])
  if (foreign.length) throw new InvalidError(`有 ${foreign.length} 张照片不存在或不是您上传的，请重新上传后再提交`, 'mediaIds')
}

const caseText = (input: ResubmitCaseBody): CaseText => ({
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
  return createOnce(db, { orgId: author.orgId, authorId: author.id, kind: 'case', clientId: input.clientId }, async () => {
    await checkCaseInput(db, author, input)
    await refuseInactiveTopics(db, author.orgId, input.topics ?? [])
    return inTransaction(db, async (scope) => {
      const item = await createItem(scope, { org_id: author.orgId, kind: 'case', author_id: author.id, department_id: author.departmentId, client_id: input.clientId, topics: input.topics ?? [] }, async (item) => {
        await insertCaseReport(scope.tx, item.id, caseText(input))
        await linkPhotos(scope.tx, item.id, input.mediaIds)
      })
      return item.id
    })
  })
}

/** A returned case, edited by its officer, goes back to the inbox as `resubmitted`. */
export async function resubmitCase(db: Db, author: CaseAuthor, id: string, input: ResubmitCaseBody): Promise<void> {
  await checkCaseInput(db, author, input)
  await transition(db, author, id, { action: RESUBMIT_ACTION }, async (scope, item) => {
    await refuseInactiveTopics(scope.tx, author.orgId, (input.topics ?? []).filter((t) => !item.topics.includes(t)))
    await updateCaseReport(scope.tx, item.id, caseText(input))
    await scope.tx.updateTable('item').set({ topics: input.topics ?? [] }).where('id', '=', item.id).execute()
    await linkPhotos(scope.tx, item.id, input.mediaIds)
  })
}

export async function listMyCases(db: Db, authorId: string, sign: SignMediaUrl, onlyId?: string): Promise<MyCaseView[]> {
  const rows = await listCasesBy(db, authorId, onlyId)
  const ids = rows.map((r) => r.id)
  const [photos, comments] = await Promise.all([photosOfItems(db, ids), latestNotes(db, ids, CASE_FEEDBACK_ACTIONS)])
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    title: r.title,
    body: r.body,
    status: r.status as CaseStatus,
    occurredAt: r.occurred_at.toISOString(),
    place: toPlace(r),
    topics: r.topics,
    photos: (photos.get(r.id) ?? []).map((m) => toMediaView(m, sign)),
    staffComment: comments.get(r.id) ?? null,
    createdAt: r.created_at.toISOString()
  }))
}
