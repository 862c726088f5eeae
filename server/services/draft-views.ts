import type { Db } from '../db/database'
import type { Draft } from '../db/tables/draft'
import { hasAnyRole } from '../../domain/roles'
import { INBOX_ROLES } from '../../domain/desk'
import { ForbiddenError, InvalidError } from '../../domain/errors'
import {
  DRAFT_WRITER_ROLES,
  REVIEW_STAGES,
  REVIEW_STAGE_LABELS,
  currentSignatures,
  draftEventLabel,
  draftMachine,
  isDraftEditable,
  canRecordPublication,
  type DraftContent
} from '../../domain/draft'
import type { DraftDetail, DraftDiff, DraftListQuery, DraftSummary, DraftVersionList, DraftVersionView, CaseDraftList } from '../../domain/schemas/draft'
import { casesWithFacts, commentsOf, creditsOf, draftsOfCase, findDraftRow, flagsOf, getVersion, listDrafts, listVersions, loadDraft, reviewerRows, type DraftListRow } from '../repositories/drafts'
import { loadVisibleItem } from '../repositories/items'
import { toEvidenceView, type SignMediaUrl } from '../views/media'
import { diffVersions } from '../views/draft-diff'
import { reviewContext, type DraftActor } from './drafts'
import { inTransaction } from './transaction'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function assertReader(actor: DraftActor) {
  if (!hasAnyRole(actor.roles, INBOX_ROLES)) throw new ForbiddenError('只有宣传人员和审核人可以查看稿件')
}

function toSummary(r: DraftListRow): DraftSummary {
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    status: r.status,
    version: r.version,
    author: { id: r.author_id, name: r.author_name },
    department: { id: r.department_id, name: r.department_name },
    topics: r.topics,
    caseCount: r.case_count ?? 0,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    submittedAt: iso(r.submitted_at),
    approvedAt: iso(r.approved_at),
    publishedAt: iso(r.published_at)
  }
}

/** mine: what I write; review: 待我审核 (the stage I may sign, by the same rule as the guard); all. */
export async function listDraftSummaries(db: Db, actor: DraftActor, q: DraftListQuery): Promise<DraftSummary[]> {
  assertReader(actor)
  const view = q.view ?? 'all'
  const rows = await listDrafts(db, {
    orgId: actor.orgId,
    limit: 200,
    ...(q.status ? { status: q.status } : {}),
    ...(view === 'mine' ? { authorId: actor.id } : {}),
    ...(view === 'review' ? { reviewerId: actor.id } : {})
  })
  return rows.map(toSummary)
}

/** Everything the editor, the review page and the approval sheet show, in one answer. */
export async function getDraftDetail(db: Db, actor: DraftActor, id: string, sign: SignMediaUrl): Promise<DraftDetail> {
  assertReader(actor)
  return inTransaction(db, async (scope) => {
    const row = await findDraftRow(scope.tx, actor.orgId, id)
    const draft: Draft = row
    const [version, cases, credits, comments, flags, reviewers, ctx] = await Promise.all([
      getVersion(scope.tx, draft.id, draft.version),
      casesWithFacts(scope.tx, actor.orgId, { draftId: draft.id }),
      creditsOf(scope.tx, draft.id),
      commentsOf(scope.tx, draft.id),
      flagsOf(scope.tx, draft.id, draft.version),
      reviewerRows(scope.tx, actor.orgId, draft.department_id),
      reviewContext(scope, draft)
    ])
    const names = new Map(ctx.events.map((e) => [e.id, e.actor_name]))
    const signatures = currentSignatures(ctx.events.map((e) => ({ ...e, actorId: e.actor_id, from: e.from_status })))
    const allowedActions = draftMachine
      .allowed(draft.status, actor.roles)
      .filter((a) => !draftMachine.table[a].via)
      .filter((a) => {
        const needs = draftMachine.requiredInput(a)
        // Open flags do not hide 终审通过: the reviewer sees the button and hears what is left to do.
        const review = { ...ctx.review, openFlags: 0 }
        const r = draftMachine.check({ status: draft.status, action: a, roles: actor.roles, inputs: needs ? { [needs]: '…' } : {}, context: { actorId: actor.id, itemId: draft.id, history: ctx.history, review } })
        return !('error' in r)
      })
      .map((a) => ({ action: a, label: draftMachine.table[a].label, needs: draftMachine.requiredInput(a) }))
    return {
      ...toSummary(row),
      content: version.content,
      cases: cases.map((c) => ({
        id: c.id,
        title: c.title,
        body: c.body,
        status: c.status,
        occurredAt: c.occurred_at.toISOString(),
        place: c.place_address,
        reporterName: c.reporter_name,
        photos: c.photos.map((m) => toEvidenceView(m, sign))
      })),
      credits: credits.map((c) => ({ userId: c.user_id, departmentId: c.department_id, name: c.name, sharePercent: c.share_percent })),
      events: ctx.events.map((e) => ({
        id: e.id,
        action: e.action,
        label: draftEventLabel(e.action),
        actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? '' } : null,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        stage: e.stage,
        comment: e.comment,
        reason: e.reason,
        version: e.version,
        at: e.created_at.toISOString()
      })),
      comments: comments.map((c) => ({
        id: c.id,
        version: c.version,
        anchor: c.anchor,
        author: { id: c.author_id, name: c.author_name },
        body: c.body,
        resolvedAt: iso(c.resolved_at),
        createdAt: c.created_at.toISOString()
      })),
      flags: flags.map((f) => ({
        id: f.id,
        version: f.version,
        kind: f.kind,
        anchor: f.anchor,
        excerpt: f.excerpt,
        message: f.message,
        suggestion: f.suggestion,
        acknowledged: f.acknowledged_at && f.acknowledged_by ? { by: { id: f.acknowledged_by, name: f.acknowledged_by_name ?? '' }, at: f.acknowledged_at.toISOString(), note: f.acknowledge_note ?? '' } : null
      })),
      openFlags: ctx.review.openFlags,
      signatures: REVIEW_STAGES.map((stage) => {
        const s = signatures[stage]
        return {
          stage,
          label: REVIEW_STAGE_LABELS[stage],
          signer: s?.actor_id ? { id: s.actor_id, name: names.get(s.id) ?? '' } : null,
          at: s ? s.created_at.toISOString() : null,
          comment: s?.comment ?? null
        }
      }),
      reviewers: REVIEW_STAGES.map((stage) => ({ stage, people: reviewers.filter((r) => r.stage === stage).map((r) => ({ id: r.user_id, name: r.name })) })),
      allowedActions,
      editable: isDraftEditable(draft.status) && hasAnyRole(actor.roles, DRAFT_WRITER_ROLES),
      recordable: canRecordPublication(draft.status, actor.roles)
    }
  })
}

export async function listDraftVersions(db: Db, actor: DraftActor, id: string): Promise<DraftVersionList> {
  assertReader(actor)
  const draft = await loadDraft(db, actor.orgId, id)
  const rows = await listVersions(db, draft.id)
  return { versions: rows.map((v) => ({ number: v.number, title: v.title, author: { id: v.author_id, name: v.author_name }, createdAt: v.created_at.toISOString() })) }
}

export async function getDraftVersion(db: Db, actor: DraftActor, id: string, number: number): Promise<DraftVersionView> {
  assertReader(actor)
  const draft = await loadDraft(db, actor.orgId, id)
  const v = await getVersion(db, draft.id, number)
  return { number: v.number, title: v.title, author: { id: v.author_id, name: v.author_name }, createdAt: v.created_at.toISOString(), content: v.content }
}

export async function diffDraftVersions(db: Db, actor: DraftActor, id: string, from: number, to: number): Promise<DraftDiff> {
  assertReader(actor)
  if (from === to) throw new InvalidError('请选择两个不同的版本进行比较', 'to')
  const draft = await loadDraft(db, actor.orgId, id)
  const [a, b] = await Promise.all([getVersion(db, draft.id, from), getVersion(db, draft.id, to)])
  return diffVersions({ number: a.number, title: a.title, content: a.content as DraftContent }, { number: b.number, title: b.title, content: b.content as DraftContent })
}

/** Where a case was used: the drafts written from it. */
export async function draftsUsingCase(db: Db, actor: DraftActor, caseId: string): Promise<CaseDraftList> {
  assertReader(actor)
  const item = await loadVisibleItem(db, actor, caseId)
  return { drafts: await draftsOfCase(db, actor.orgId, item.id) }
}
