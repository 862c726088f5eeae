import type { Db } from '../db/database'
import type { Draft } from '../db/tables/draft'
import type { Role } from '../../domain/roles'
import { hasAnyRole } from '../../domain/roles'
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../../domain/errors'
import {
  CASE_USE_ACTION,
  DEFAULT_EXPRESSIONS,
  DRAFT_LIMITS,
  DRAFT_SAVE_EVENT,
  DRAFT_TYPE_LABELS,
  DRAFT_WRITER_ROLES,
  caseMovesWhenUsed,
  contentChars,
  draftMachine,
  draftSkeleton,
  flagKey,
  isDraftEditable,
  isDraftableCase,
  isReviewAction,
  isReviewStage,
  scanDraft,
  type DraftAction,
  type DraftContent,
  type PersonalDataDetector,
  type ReviewStage
} from '../../domain/draft'
import { CASE_STATUS_LABELS, type CaseStatus } from '../../domain/case/state-machine'
import { PRIVACY_KIND_LABELS, detectPersonalData } from '../../domain/privacy'
import type { CreateDraftBody, CreditInput, DraftActionBody, UpdateDraftBody } from '../../domain/schemas/draft'
import {
  appendDraftEvent,
  casesWithFacts,
  countOpenFlags,
  creditsOf,
  draftEvents,
  existingDepartments,
  existingUsers,
  flagsOf,
  insertDraft,
  insertFlags,
  insertVersion,
  linkCases,
  loadDraft,
  lockCases,
  orgExpressions,
  replaceCredits,
  stageReviewerIds,
  updateDraft,
  type DraftCaseRow
} from '../repositories/drafts'
import { findDepartment } from '../repositories/items'
import { inTransaction, type TxScope } from './transaction'
import { transition } from './items'
import { notifyDraft } from './draft-notifications'
import { refuseInactiveTopics } from './topic-rules'

export interface DraftActor {
  id: string
  orgId: string
  roles: readonly Role[]
  departmentId: string | null
}

const isWriter = (actor: DraftActor) => hasAnyRole(actor.roles, DRAFT_WRITER_ROLES)

/**
 * Personal data in a draft (ID-card numbers with a valid check digit, phones, bank cards, plates,
 * home addresses, people's names): domain/privacy's detectors, the ones the public board masks with.
 */
const personalData: PersonalDataDetector = (text) =>
  detectPersonalData(text).map((s) => ({ excerpt: s.text, message: `发现${PRIVACY_KIND_LABELS[s.kind]}「${s.text}」，公开发表前请隐去，或确认已获同意` }))

// ————— the pre-publication scan —————

/**
 * Scans a version and stores what it found. A finding that was acknowledged on the version
 * before and is unchanged (same kind, place and text) keeps its acknowledgement, with who and
 * why; a finding edited away is resolved by not being there any more.
 */
async function scanVersion(scope: TxScope, draft: Pick<Draft, 'id' | 'org_id'>, version: number, title: string, content: DraftContent, cases: readonly DraftCaseRow[]): Promise<void> {
  const own = await orgExpressions(scope.tx, draft.org_id)
  const expressions = [...DEFAULT_EXPRESSIONS, ...own.map((e) => ({ phrase: e.phrase, suggestion: e.suggestion, note: e.note }))]
  const found = scanDraft({ title, content, sourceTexts: cases.map((c) => `${c.title}\n${c.body}`), expressions, personalData })
  const before = version > 1 ? await flagsOf(scope.tx, draft.id, version - 1) : []
  const acked = new Map(before.filter((f) => f.acknowledged_at).map((f) => [flagKey(f), f]))
  await insertFlags(
    scope.tx,
    found.map((f) => {
      const a = acked.get(flagKey(f))
      return {
        org_id: draft.org_id,
        draft_id: draft.id,
        version,
        kind: f.kind,
        excerpt: f.excerpt,
        anchor: f.anchor,
        message: f.message,
        suggestion: f.suggestion,
        acknowledged_at: a?.acknowledged_at ?? null,
        acknowledged_by: a?.acknowledged_by ?? null,
        acknowledge_note: a?.acknowledge_note ?? null
      }
    })
  )
}

const skeletonCase = (c: DraftCaseRow) => ({
  title: c.title,
  body: c.body,
  occurredAt: c.occurred_at,
  place: c.place_address,
  reporterName: c.reporter_name,
  departmentName: c.department_name,
  photos: c.photos.map((m) => ({
    mediaId: m.id,
    takenAt: m.taken_at ?? m.device_taken_at,
    gps: m.gps_lat !== null && m.gps_lng !== null ? { lat: m.gps_lat, lng: m.gps_lng } : m.device_lat !== null && m.device_lng !== null ? { lat: m.device_lat, lng: m.device_lng } : null
  }))
})

// ————— create —————

/**
 * A draft from one or more cases of the bureau, laid out by the type's skeleton (domain/draft/
 * skeleton.ts). Accepted cases move to `used` through the case table's own action; cases
 * already used or published can feed another draft as they are. One transaction.
 */
export async function createDraft(db: Db, actor: DraftActor, input: CreateDraftBody): Promise<string> {
  if (!isWriter(actor)) throw new ForbiddenError('只有宣传人员可以撰写稿件')
  return inTransaction(db, async (scope) => {
    const locked = await lockCases(scope.tx, actor.orgId, input.caseIds)
    locked.forEach((c, i) => {
      if (!c) throw new NotFoundError(`第 ${i + 1} 个事例不存在，或不属于本局`)
      if (!isDraftableCase(c.status)) {
        throw new ConflictError(`事例「${c.title}」当前为「${CASE_STATUS_LABELS[c.status as CaseStatus] ?? c.status}」，采用为素材后才能写成稿件`, { caseId: c.id, status: c.status }, 'case_not_accepted')
      }
    })
    // Whose reviewers sign it: as chosen, else the writer's department, else the first case's unit.
    const departmentId = input.departmentId ?? actor.departmentId ?? locked[0]?.department_id ?? null
    if (!departmentId) throw new InvalidError('请选择稿件所属部门（departmentId）：您的账号和事例都没有部门', 'departmentId')
    if (!(await findDepartment(scope.tx, actor.orgId, departmentId))) throw new NotFoundError('所选部门不存在，或不属于本局')
    await refuseInactiveTopics(scope.tx, actor.orgId, input.topics ?? [])
    const cases = await casesWithFacts(scope.tx, actor.orgId, { ids: input.caseIds })
    const skeleton = draftSkeleton(input.type, cases.map(skeletonCase))
    const draft = await insertDraft(scope.tx, {
      org_id: actor.orgId,
      type: input.type,
      title: skeleton.title,
      status: draftMachine.initial.status,
      author_id: actor.id,
      department_id: departmentId,
      topics: input.topics ?? [],
      submitted_at: null,
      approved_at: null,
      published_at: null,
      withdrawn_at: null
    })
    await insertVersion(scope.tx, { org_id: actor.orgId, draft_id: draft.id, number: draft.version, title: skeleton.title, content: skeleton.content, author_id: actor.id })
    await linkCases(scope.tx, actor.orgId, draft.id, input.caseIds)
    // The writer and their department are credited in full until the writer shares it out.
    await replaceCredits(scope.tx, actor.orgId, draft.id, [
      { user_id: actor.id, department_id: null, share_percent: 100 },
      { user_id: null, department_id: departmentId, share_percent: 100 }
    ])
    await appendDraftEvent(scope.tx, {
      org_id: actor.orgId,
      draft_id: draft.id,
      actor_id: actor.id,
      action: draftMachine.initial.event,
      from_status: null,
      to_status: draft.status,
      stage: null,
      comment: null,
      reason: null,
      version: draft.version
    })
    for (const c of locked) {
      if (c && caseMovesWhenUsed(c.status)) await transition(scope, actor, c.id, { action: CASE_USE_ACTION, note: `用于${DRAFT_TYPE_LABELS[input.type]}「${skeleton.title}」` })
    }
    await scanVersion(scope, draft, draft.version, skeleton.title, skeleton.content, cases)
    return draft.id
  })
}

// ————— save (every save is a version) —————

function staleVersion(draft: Draft, yours: number): ConflictError {
  return new ConflictError(
    `稿件在您打开后已被修改（当前为第 ${draft.version} 版，您看到的是第 ${yours} 版），请刷新后再操作`,
    { currentVersion: draft.version, yourVersion: yours, status: draft.status },
    'stale_version'
  )
}

async function checkCredits(scope: TxScope, orgId: string, credits: readonly CreditInput[]) {
  for (const c of credits) if ((c.userId === undefined) === (c.departmentId === undefined)) throw new InvalidError('每条署名须且只能指定一位人员或一个部门', 'credits')
  const users = credits.filter((c) => c.userId).map((c) => c.userId!)
  const depts = credits.filter((c) => c.departmentId).map((c) => c.departmentId!)
  if (new Set(users).size !== users.length || new Set(depts).size !== depts.length) throw new InvalidError('同一人员或部门只能署名一次', 'credits')
  for (const [list, what] of [
    [users, '人员'],
    [depts, '部门']
  ] as const) {
    const sum = credits.filter((c) => (what === '人员' ? c.userId : c.departmentId)).reduce((n, c) => n + c.sharePercent, 0)
    if (list.length && sum !== 100) throw new InvalidError(`署名${what}的分值比例合计须为 100%，当前为 ${sum}%`, 'credits')
  }
  const [foundUsers, foundDepts] = await Promise.all([existingUsers(scope.tx, orgId, users), existingDepartments(scope.tx, orgId, depts)])
  if (users.some((u) => !foundUsers.has(u))) throw new NotFoundError('署名的人员不存在、已停用或不属于本局')
  if (depts.some((d) => !foundDepts.has(d))) throw new NotFoundError('署名的部门不存在，或不属于本局')
}

export async function saveDraft(db: Db, actor: DraftActor, id: string, input: UpdateDraftBody): Promise<void> {
  if (!isWriter(actor)) throw new ForbiddenError('只有宣传人员可以修改稿件')
  const content = input.content as DraftContent
  const chars = contentChars(content)
  if (chars > DRAFT_LIMITS.totalChars) throw new InvalidError(`正文不能超过 ${DRAFT_LIMITS.totalChars} 字，当前 ${chars} 字`, 'content')
  const ids = content.blocks.map((b) => b.id)
  if (new Set(ids).size !== ids.length) throw new InvalidError('正文中有重复的段落编号，请刷新编辑器后重试', 'content')
  await inTransaction(db, async (scope) => {
    const draft = await loadDraft(scope.tx, actor.orgId, id, true)
    if (!isDraftEditable(draft.status)) throw new ConflictError(`稿件「${draftMachine.statusLabels[draft.status]}」时不能修改；审核人退回后可再修改`, { status: draft.status }, 'not_editable')
    if (input.version !== draft.version) throw staleVersion(draft, input.version)
    const cases = await casesWithFacts(scope.tx, actor.orgId, { draftId: draft.id })
    const photos = new Set(cases.flatMap((c) => c.photos.map((m) => m.id)))
    for (const b of content.blocks) if (b.type === 'image' && !photos.has(b.mediaId)) throw new InvalidError('图片只能使用本稿件所用事例的照片', 'content')
    // A draft measured against the yearly plan serves its active topics; ones it already has may stay.
    if (input.topics) await refuseInactiveTopics(scope.tx, actor.orgId, input.topics.filter((t) => !draft.topics.includes(t)))
    if (input.credits) {
      await checkCredits(scope, actor.orgId, input.credits)
      await replaceCredits(scope.tx, actor.orgId, draft.id, input.credits.map((c) => ({ user_id: c.userId ?? null, department_id: c.departmentId ?? null, share_percent: c.sharePercent })))
    }
    const number = draft.version + 1
    await insertVersion(scope.tx, { org_id: actor.orgId, draft_id: draft.id, number, title: input.title, content, author_id: actor.id })
    await updateDraft(scope.tx, draft.id, { version: number, title: input.title, ...(input.type ? { type: input.type } : {}), ...(input.topics ? { topics: input.topics } : {}) })
    await appendDraftEvent(scope.tx, { org_id: actor.orgId, draft_id: draft.id, actor_id: actor.id, action: DRAFT_SAVE_EVENT, from_status: draft.status, to_status: draft.status, stage: null, comment: null, reason: null, version: number })
    await scanVersion(scope, draft, number, input.title, content, cases)
  })
}

// ————— transitions —————

/** What the draft table's guards read: who wrote it, who may sign its stage, the open flags. */
export async function reviewContext(scope: TxScope | { tx: TxScope['tx'] }, draft: Draft) {
  const [credits, events, openFlags] = await Promise.all([creditsOf(scope.tx, draft.id), draftEvents(scope.tx, draft.id), countOpenFlags(scope.tx, draft.id, draft.version)])
  const stage = isReviewStage(draft.status) ? draft.status : null
  const stageReviewers = stage ? await stageReviewerIds(scope.tx, draft.org_id, draft.department_id, stage) : []
  const authorIds = [draft.author_id, ...credits.filter((c) => c.user_id).map((c) => c.user_id!)]
  return {
    events,
    history: events.map((e) => ({ action: e.action, actorId: e.actor_id, from: e.from_status })),
    review: { authorIds, stageReviewers, openFlags }
  }
}

export interface DraftTransitionInput {
  action: DraftAction
  version: number
  note?: string
  reason?: string
}

/**
 * One action of the draft table, under the draft's row lock: the table decides (status, roles,
 * inputs, then the review guard with the stage's reviewers and the draft's history); the version
 * the actor read must be the current one, so a reviewer signs exactly what they saw. Exported
 * for the publication ledger, which takes `publish` (via 'ledger') in its own transaction.
 */
export async function applyDraftAction(db: Db | TxScope, actor: DraftActor, id: string, input: DraftTransitionInput): Promise<Draft> {
  return inTransaction(db, async (scope) => {
    const draft = await loadDraft(scope.tx, actor.orgId, id, true)
    const ctx = await reviewContext(scope, draft)
    const inputs = { ...(input.note !== undefined ? { note: input.note } : {}), ...(input.reason !== undefined ? { reason: input.reason } : {}) }
    const checked = draftMachine.check({ status: draft.status, action: input.action, roles: actor.roles, inputs, context: { actorId: actor.id, itemId: draft.id, history: ctx.history, review: ctx.review } })
    if ('error' in checked) throw checked.error
    if (input.version !== draft.version) throw staleVersion(draft, input.version)
    const t = draftMachine.table[input.action]
    const at = new Date()
    const stamps: Partial<Record<(typeof t.stamps & {})[number], Date>> = {}
    for (const m of t.stamps ?? []) if (!draft[m]) stamps[m] = at
    const updated = await updateDraft(scope.tx, draft.id, { status: checked.to, ...stamps })
    const stage: ReviewStage | null = isReviewAction(input.action) && isReviewStage(draft.status) ? draft.status : null
    const event = await appendDraftEvent(scope.tx, {
      org_id: draft.org_id,
      draft_id: draft.id,
      actor_id: actor.id,
      action: input.action,
      from_status: draft.status,
      to_status: checked.to,
      stage,
      comment: input.note ?? null,
      reason: input.reason ?? null,
      version: draft.version
    })
    await notifyDraft(scope, updated, { action: input.action, actorId: actor.id, eventId: event.id, comment: input.note ?? null })
    return updated
  })
}

/** The route's transitions: those taken elsewhere (publishing, through the ledger) are refused here. */
export async function takeDraftAction(db: Db, actor: DraftActor, id: string, input: DraftActionBody): Promise<void> {
  const t = draftMachine.table[input.action]
  if (t.via) throw new ConflictError(`「${t.label}」请在发表台账中登记`, { action: input.action, via: t.via }, 'taken_elsewhere')
  await applyDraftAction(db, actor, id, input)
}
