import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { Draft, DraftUpdate, NewDraft } from '../db/tables/draft'
import type { NewDraftEvent } from '../db/tables/draft-event'
import type { NewDraftFlag } from '../db/tables/draft-flag'
import type { Media } from '../db/tables/media'
import type { DraftContent } from '../../domain/draft/content'
import { REVIEW_STAGES, type DraftStatus, type ReviewStage } from '../../domain/draft/state-machine'
import { NotFoundError } from '../../domain/errors'
import { photosOfItems } from './media'

const NOT_FOUND = '稿件不存在，或不属于本局'

export async function insertDraft(db: DbOrTx, row: NewDraft): Promise<Draft> {
  return db.insertInto('draft').values(row).returningAll().executeTakeFirstOrThrow()
}

/** A draft of the bureau; `lock` takes the row lock a change needs, so two changes queue up. */
export async function loadDraft(db: DbOrTx, orgId: string, id: string, lock = false): Promise<Draft> {
  let q = db.selectFrom('draft').selectAll().where('id', '=', id).where('org_id', '=', orgId)
  if (lock) q = q.forUpdate()
  const draft = await q.executeTakeFirst()
  if (!draft) throw new NotFoundError(NOT_FOUND)
  return draft
}

export async function updateDraft(db: DbOrTx, id: string, patch: DraftUpdate): Promise<Draft> {
  return db.updateTable('draft').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export interface DraftListFilter {
  orgId: string
  authorId?: string
  /** 待我审核: at a stage this person is configured for, not written or credited by them, no other stage of it theirs. */
  reviewerId?: string
  status?: DraftStatus
  limit: number
}

export async function listDrafts(db: DbOrTx, f: DraftListFilter) {
  let q = db
    .selectFrom('draft as d')
    .innerJoin('app_user as a', 'a.id', 'd.author_id')
    .innerJoin('department as dep', 'dep.id', 'd.department_id')
    .selectAll('d')
    .select(['a.name as author_name', 'dep.name as department_name'])
    .select((eb) => eb.selectFrom('draft_case as dc').whereRef('dc.draft_id', '=', 'd.id').select(sql<number>`count(*)::int`.as('n')).as('case_count'))
    .where('d.org_id', '=', f.orgId)
    .orderBy('d.updated_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(f.limit)
  if (f.authorId) q = q.where('d.author_id', '=', f.authorId)
  if (f.status) q = q.where('d.status', '=', f.status)
  if (f.reviewerId) {
    const me = f.reviewerId
    q = q
      .where('d.status', 'in', REVIEW_STAGES)
      .where('d.author_id', '<>', me)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('draft_reviewer as r')
            .select('r.user_id')
            .whereRef('r.department_id', '=', 'd.department_id')
            .where(sql<boolean>`r.stage = d.status`)
            .where('r.user_id', '=', me)
        )
      )
      .where((eb) => eb.not(eb.exists(eb.selectFrom('draft_credit as c').select('c.id').whereRef('c.draft_id', '=', 'd.id').where('c.user_id', '=', me))))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('draft_event as e')
              .select('e.id')
              .whereRef('e.draft_id', '=', 'd.id')
              .where('e.actor_id', '=', me)
              .where('e.stage', 'is not', null)
              .where(sql<boolean>`e.stage <> d.status`)
          )
        )
      )
  }
  return q.execute()
}
export type DraftListRow = Awaited<ReturnType<typeof listDrafts>>[number]

export async function findDraftRow(db: DbOrTx, orgId: string, id: string): Promise<DraftListRow> {
  const row = await db
    .selectFrom('draft as d')
    .innerJoin('app_user as a', 'a.id', 'd.author_id')
    .innerJoin('department as dep', 'dep.id', 'd.department_id')
    .selectAll('d')
    .select(['a.name as author_name', 'dep.name as department_name'])
    .select((eb) => eb.selectFrom('draft_case as dc').whereRef('dc.draft_id', '=', 'd.id').select(sql<number>`count(*)::int`.as('n')).as('case_count'))
    .where('d.org_id', '=', orgId)
    .where('d.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError(NOT_FOUND)
  return row
}

// ————— versions —————

export async function insertVersion(db: DbOrTx, row: { org_id: string; draft_id: string; number: number; title: string; content: DraftContent; author_id: string }) {
  await db
    .insertInto('draft_version')
    .values({ ...row, content: JSON.stringify(row.content) })
    .execute()
}

export async function listVersions(db: DbOrTx, draftId: string) {
  return db
    .selectFrom('draft_version as v')
    .innerJoin('app_user as a', 'a.id', 'v.author_id')
    .select(['v.number', 'v.title', 'v.created_at', 'a.id as author_id', 'a.name as author_name'])
    .where('v.draft_id', '=', draftId)
    .orderBy('v.number', 'desc')
    .execute()
}

export async function getVersion(db: DbOrTx, draftId: string, number: number) {
  const v = await db
    .selectFrom('draft_version as v')
    .innerJoin('app_user as a', 'a.id', 'v.author_id')
    .select(['v.number', 'v.title', 'v.content', 'v.created_at', 'a.id as author_id', 'a.name as author_name'])
    .where('v.draft_id', '=', draftId)
    .where('v.number', '=', number)
    .executeTakeFirst()
  if (!v) throw new NotFoundError(`稿件没有第 ${number} 版`)
  return v
}

// ————— cases —————

/** The cases named, in the bureau, locked for the draft's use of them, in the order asked. */
export async function lockCases(db: DbOrTx, orgId: string, ids: readonly string[]) {
  const rows = await db
    .selectFrom('item')
    .innerJoin('case_report as c', 'c.item_id', 'item.id')
    .select(['item.id', 'item.status', 'item.version', 'item.department_id', 'c.title'])
    .where('item.org_id', '=', orgId)
    .where('item.kind', '=', 'case')
    .where('item.id', 'in', [...ids])
    .orderBy('item.id')
    .forUpdate(['item'])
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.map((id) => byId.get(id))
}

export async function linkCases(db: DbOrTx, orgId: string, draftId: string, itemIds: readonly string[]) {
  if (!itemIds.length) return
  await db
    .insertInto('draft_case')
    .values(itemIds.map((item_id) => ({ org_id: orgId, draft_id: draftId, item_id })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export interface DraftCaseRow {
  id: string
  status: string
  title: string
  body: string
  occurred_at: Date
  place_address: string | null
  reporter_name: string | null
  department_name: string | null
  photos: Media[]
}

/** The cases of one draft (or those named) with their text, reporter, unit and photos. */
export async function casesWithFacts(db: DbOrTx, orgId: string, q: { draftId: string } | { ids: readonly string[] }): Promise<DraftCaseRow[]> {
  let query = db
    .selectFrom('item')
    .innerJoin('case_report as c', 'c.item_id', 'item.id')
    .leftJoin('app_user as a', 'a.id', 'item.author_id')
    .leftJoin('department as dep', 'dep.id', 'item.department_id')
    .select(['item.id', 'item.status', 'c.title', 'c.body', 'c.occurred_at', 'c.place_address', 'a.name as reporter_name', 'dep.name as department_name'])
    .where('item.org_id', '=', orgId)
    .where('item.kind', '=', 'case')
  if ('draftId' in q) {
    query = query.innerJoin('draft_case as dc', 'dc.item_id', 'item.id').where('dc.draft_id', '=', q.draftId).orderBy('dc.created_at').orderBy('item.id')
  } else query = query.where('item.id', 'in', q.ids.length ? [...q.ids] : ['00000000-0000-0000-0000-000000000000'])
  const rows = await query.execute()
  const photos = await photosOfItems(db, rows.map((r) => r.id))
  const out = rows.map((r) => ({ ...r, photos: photos.get(r.id) ?? [] }))
  if ('ids' in q) {
    const order = new Map(q.ids.map((id, i) => [id, i]))
    out.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
  }
  return out
}

/** Drafts a case was used in, newest first (the case's 已用于稿件). */
export async function draftsOfCase(db: DbOrTx, orgId: string, itemId: string) {
  return db
    .selectFrom('draft_case as dc')
    .innerJoin('draft as d', 'd.id', 'dc.draft_id')
    .select(['d.id', 'd.title', 'd.type', 'd.status'])
    .where('dc.org_id', '=', orgId)
    .where('dc.item_id', '=', itemId)
    .orderBy('d.created_at', 'desc')
    .execute()
}

// ————— credits —————

export async function replaceCredits(db: DbOrTx, orgId: string, draftId: string, credits: readonly { user_id: string | null; department_id: string | null; share_percent: number }[]) {
  await db.deleteFrom('draft_credit').where('draft_id', '=', draftId).execute()
  if (credits.length) await db.insertInto('draft_credit').values(credits.map((c) => ({ ...c, org_id: orgId, draft_id: draftId }))).execute()
}

export async function creditsOf(db: DbOrTx, draftId: string) {
  return db
    .selectFrom('draft_credit as c')
    .leftJoin('app_user as u', 'u.id', 'c.user_id')
    .leftJoin('department as dep', 'dep.id', 'c.department_id')
    .select(['c.user_id', 'c.department_id', 'c.share_percent', sql<string>`coalesce(u.name, dep.name, '')`.as('name')])
    .where('c.draft_id', '=', draftId)
    .orderBy(sql`c.user_id is null`)
    .orderBy('c.share_percent', 'desc')
    .orderBy('c.id')
    .execute()
}

/** Of the ids given, those that are people of the bureau still in service. */
export async function existingUsers(db: DbOrTx, orgId: string, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = await db.selectFrom('app_user').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', [...ids]).where('disabled_at', 'is', null).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function existingDepartments(db: DbOrTx, orgId: string, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = await db.selectFrom('department').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', [...ids]).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

// ————— events —————

export async function appendDraftEvent(db: DbOrTx, row: NewDraftEvent) {
  return db.insertInto('draft_event').values(row).returningAll().executeTakeFirstOrThrow()
}

/** The draft's events, oldest first, with who acted. */
export async function draftEvents(db: DbOrTx, draftId: string) {
  return db
    .selectFrom('draft_event as e')
    .leftJoin('app_user as a', 'a.id', 'e.actor_id')
    .selectAll('e')
    .select('a.name as actor_name')
    .where('e.draft_id', '=', draftId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute()
}

// ————— comments —————

export async function insertComment(db: DbOrTx, row: { org_id: string; draft_id: string; version: number; anchor: string | null; author_id: string; body: string }) {
  return db.insertInto('draft_comment').values(row).returning('id').executeTakeFirstOrThrow()
}

export async function commentsOf(db: DbOrTx, draftId: string) {
  return db
    .selectFrom('draft_comment as c')
    .innerJoin('app_user as a', 'a.id', 'c.author_id')
    .selectAll('c')
    .select('a.name as author_name')
    .where('c.draft_id', '=', draftId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute()
}

export async function resolveComment(db: DbOrTx, draftId: string, commentId: string, userId: string): Promise<void> {
  const r = await db
    .updateTable('draft_comment')
    .set({ resolved_at: new Date(), resolved_by: userId })
    .where('id', '=', commentId)
    .where('draft_id', '=', draftId)
    .where('resolved_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  if (!r) {
    const exists = await db.selectFrom('draft_comment').select('id').where('id', '=', commentId).where('draft_id', '=', draftId).executeTakeFirst()
    if (!exists) throw new NotFoundError('批注不存在')
  }
}

// ————— 三审 configuration —————

export async function stageReviewerIds(db: DbOrTx, orgId: string, departmentId: string, stage: ReviewStage): Promise<string[]> {
  const rows = await db
    .selectFrom('draft_reviewer as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select('r.user_id')
    .where('r.org_id', '=', orgId)
    .where('r.department_id', '=', departmentId)
    .where('r.stage', '=', stage)
    .where('u.disabled_at', 'is', null)
    .execute()
  return rows.map((r) => r.user_id)
}

/** Every configured reviewer of the bureau (or one department), with names. */
/**
 * Whole, not paged: at most 20 people per stage (PutReviewersBody) for each of three stages of
 * each department (LIST_CAPS.departments).
 */
export async function reviewerRows(db: DbOrTx, orgId: string, departmentId?: string) {
  let q = db
    .selectFrom('draft_reviewer as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.department_id', 'r.stage', 'r.user_id', 'u.name'])
    .where('r.org_id', '=', orgId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .orderBy('r.user_id')
  if (departmentId) q = q.where('r.department_id', '=', departmentId)
  return q.execute()
}

export async function replaceReviewers(db: DbOrTx, orgId: string, departmentId: string, byStage: Record<ReviewStage, readonly string[]>) {
  await db.deleteFrom('draft_reviewer').where('org_id', '=', orgId).where('department_id', '=', departmentId).execute()
  const rows = REVIEW_STAGES.flatMap((stage) => byStage[stage].map((user_id) => ({ org_id: orgId, department_id: departmentId, stage, user_id })))
  if (rows.length) await db.insertInto('draft_reviewer').values(rows).execute()
}

// ————— pre-publication flags —————

export async function flagsOf(db: DbOrTx, draftId: string, version: number) {
  return db
    .selectFrom('draft_flag as f')
    .leftJoin('app_user as a', 'a.id', 'f.acknowledged_by')
    .selectAll('f')
    .select('a.name as acknowledged_by_name')
    .where('f.draft_id', '=', draftId)
    .where('f.version', '=', version)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute()
}

export async function insertFlags(db: DbOrTx, rows: NewDraftFlag[]) {
  if (rows.length) await db.insertInto('draft_flag').values(rows).execute()
}

export async function countOpenFlags(db: DbOrTx, draftId: string, version: number): Promise<number> {
  const r = await db
    .selectFrom('draft_flag')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('draft_id', '=', draftId)
    .where('version', '=', version)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirstOrThrow()
  return r.n
}

export async function acknowledgeFlag(db: DbOrTx, draftId: string, version: number, flagId: string, userId: string, note: string): Promise<void> {
  const flag = await db.selectFrom('draft_flag').select(['id', 'version', 'acknowledged_at']).where('id', '=', flagId).where('draft_id', '=', draftId).executeTakeFirst()
  if (!flag) throw new NotFoundError('检查提示不存在')
  if (flag.version !== version || flag.acknowledged_at) return
  await db.updateTable('draft_flag').set({ acknowledged_at: new Date(), acknowledged_by: userId, acknowledge_note: note }).where('id', '=', flagId).execute()
}

// ————— editorial expressions —————

/** Whole, not paged: the pre-publication scan checks every one; bounded by LIST_CAPS.editorialExpressions. */
export async function orgExpressions(db: DbOrTx, orgId: string) {
  return db.selectFrom('editorial_expression').selectAll().where('org_id', '=', orgId).orderBy('phrase').execute()
}

export async function insertExpression(db: DbOrTx, row: { org_id: string; phrase: string; suggestion: string | null; note: string | null }) {
  return db.insertInto('editorial_expression').values(row).onConflict((oc) => oc.columns(['org_id', 'phrase']).doNothing()).returningAll().executeTakeFirst()
}

export async function deleteExpression(db: DbOrTx, orgId: string, id: string): Promise<void> {
  const r = await db.deleteFrom('editorial_expression').where('org_id', '=', orgId).where('id', '=', id).returning('id').executeTakeFirst()
  if (!r) throw new NotFoundError('表述不存在')
}
