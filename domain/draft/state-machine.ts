import { defineMachine, type GuardContext, type InputRule, type StatusBucket } from '../state-machine'
import { ConflictError, ForbiddenError, type DomainError } from '../errors'
import type { Role } from '../roles'
import { DESK_ROLES, INBOX_ROLES } from '../desk'
import { ACTION_NOTE_MAX } from '../limits'

export const DRAFT_STATUSES = ['drafting', 'first_review', 'second_review', 'final_review', 'approved', 'published', 'withdrawn'] as const
export type DraftStatus = (typeof DRAFT_STATUSES)[number]

export const DRAFT_ACTIONS = ['submit', 'resubmit', 'approve_first', 'approve_second', 'approve_final', 'return', 'publish', 'withdraw'] as const
export type DraftAction = (typeof DRAFT_ACTIONS)[number]

/** The draft columns a transition stamps the first time it happens. */
export const DRAFT_MILESTONES = ['submitted_at', 'approved_at', 'published_at', 'withdrawn_at'] as const
export type DraftMilestone = (typeof DRAFT_MILESTONES)[number]

export const DRAFT_STATUS_LABELS: Record<DraftStatus, string> = {
  drafting: '撰写中',
  first_review: '待初审',
  second_review: '待复审',
  final_review: '待终审',
  approved: '已审定',
  published: '已发表',
  withdrawn: '已撤稿'
}

/** Open: the writer's to act; waiting: on a reviewer or on the publication; closed. */
export const DRAFT_STATUS_BUCKET: Record<DraftStatus, StatusBucket> = {
  drafting: 'open',
  first_review: 'waiting',
  second_review: 'waiting',
  final_review: 'waiting',
  approved: 'waiting',
  published: 'closed',
  withdrawn: 'closed'
}

/** 三审: the three review stages in order, each a status of the table and the action that signs it. */
export const REVIEW_STAGES = ['first_review', 'second_review', 'final_review'] as const satisfies readonly DraftStatus[]
export type ReviewStage = (typeof REVIEW_STAGES)[number]
export const REVIEW_STAGE_LABELS: Record<ReviewStage, string> = { first_review: '初审', second_review: '复审', final_review: '终审' }
/** Who usually holds each stage (the admin's configuration form shows it as a hint). */
export const REVIEW_STAGE_HINTS: Record<ReviewStage, string> = { first_review: '科室负责人', second_review: '分管领导', final_review: '主要领导' }
export const STAGE_APPROVE_ACTION: Record<ReviewStage, DraftAction> = { first_review: 'approve_first', second_review: 'approve_second', final_review: 'approve_final' }
export const RETURN_ACTION: DraftAction = 'return'
/** Taken through the publication ledger (h6): recording where the approved draft appeared. */
export const PUBLISH_ACTION: DraftAction = 'publish'
export const WITHDRAW_ACTION: DraftAction = 'withdraw'
export const SUBMIT_ACTIONS: readonly DraftAction[] = ['submit', 'resubmit']

export const isReviewStage = (s: string): s is ReviewStage => (REVIEW_STAGES as readonly string[]).includes(s)
/** Actions a reviewer takes at a stage: signing it, or returning the draft from it. */
export const REVIEW_ACTIONS: readonly DraftAction[] = [...Object.values(STAGE_APPROVE_ACTION), RETURN_ACTION]
export const isReviewAction = (a: string) => (REVIEW_ACTIONS as readonly string[]).includes(a)

/**
 * Who may review: anyone who works on the desk or reviews; the stage configuration of the
 * draft's department (draft_reviewer) then names the people, and the guard holds to it.
 */
export const DRAFT_REVIEW_ROLES: readonly Role[] = INBOX_ROLES
/** Who writes, submits, publishes and withdraws drafts. */
export const DRAFT_WRITER_ROLES: readonly Role[] = DESK_ROLES

/**
 * The review rule, one guard for every action a reviewer takes at a stage (approve or return):
 * 1. the author (or a credited person) never reviews their own draft;
 * 2. only a person configured for this stage in the draft's department may act on it;
 * 3. ONE PERSON, ONE STAGE per draft: whoever once acted at one stage of this draft (signed it or
 *    returned it from there), in any round, may never act at another of its stages.
 * A return does reset the signatures: the resubmitted draft starts again at 初审 and all three
 * stages sign the new text. Rule 3 holds across rounds, so whatever gets approved carries three
 * signatures by three different people, none of them its writer.
 */
function reviewGuard(ctx: GuardContext<DraftStatus>): DomainError | null {
  const stage = ctx.status
  if (!isReviewStage(stage)) return null
  const label = REVIEW_STAGE_LABELS[stage]
  const review = ctx.review
  if (!review) return new ForbiddenError(`未找到本部门「${label}」的审核人配置，请联系管理员`, 'no_reviewers')
  if (review.authorIds.includes(ctx.actorId)) return new ForbiddenError('不能审核自己撰写或署名的稿件，请由其他审核人审核', 'own_draft')
  if (!review.stageReviewers.includes(ctx.actorId)) {
    return new ForbiddenError(`您不是本部门「${label}」的审核人；如需调整，请联系管理员配置审核人`, 'not_stage_reviewer')
  }
  const other = ctx.history.find((e) => e.actorId === ctx.actorId && isReviewAction(e.action) && e.from && isReviewStage(e.from) && e.from !== stage)
  if (other) {
    const signed = REVIEW_STAGE_LABELS[other.from as ReviewStage]
    return new ConflictError(`您已在本稿件的「${signed}」环节签署，同一人不能签署两个审核环节，请由其他审核人进行「${label}」`, { signedStage: other.from, stage }, 'stage_already_signed')
  }
  return null
}

/** 终审 also needs every pre-publication flag resolved or acknowledged (kept with who and why). */
function finalGuard(ctx: GuardContext<DraftStatus>): DomainError | null {
  const refused = reviewGuard(ctx)
  if (refused) return refused
  const open = ctx.review?.openFlags ?? 0
  if (open > 0) return new ConflictError(`发布前检查还有 ${open} 项提示未处理，请逐项修改或确认后再终审`, { openFlags: open }, 'open_flags')
  return null
}

const submittedBefore = (ctx: GuardContext<DraftStatus>) => ctx.history.some((e) => (SUBMIT_ACTIONS as readonly string[]).includes(e.action))
const returnedBefore = (ctx: GuardContext<DraftStatus>) => ctx.history.some((e) => e.action === RETURN_ACTION)

const note: InputRule = { required: false, label: '审核意见', max: ACTION_NOTE_MAX }

/**
 * Issue 9 (三审): drafting → first_review → second_review → final_review → approved → published;
 * any review stage returns the draft to drafting with comments; it is then resubmitted (and
 * starts again at 初审); a published draft can be withdrawn with a reason. `public` here means
 * the writer sees the event in the draft's timeline (all do: the review is the writer's business).
 */
export const draftMachine = defineMachine<DraftStatus, DraftAction, Role, DraftMilestone>({
  noun: '稿件',
  statuses: DRAFT_STATUSES,
  statusLabels: DRAFT_STATUS_LABELS,
  buckets: DRAFT_STATUS_BUCKET,
  initial: { status: 'drafting', event: 'create', label: '创建稿件', public: true },
  table: {
    submit: {
      from: ['drafting'],
      to: 'first_review',
      by: DRAFT_WRITER_ROLES,
      label: '提交审核',
      inputs: { note: { ...note, label: '说明' } },
      stamps: ['submitted_at'],
      public: true,
      guard: (ctx) => (submittedBefore(ctx) ? new ConflictError('稿件已提交过，请用「修改后重新提交」', { status: ctx.status }, 'already_submitted') : null)
    },
    resubmit: {
      from: ['drafting'],
      to: 'first_review',
      by: DRAFT_WRITER_ROLES,
      label: '修改后重新提交',
      inputs: { note: { ...note, label: '修改说明' } },
      public: true,
      guard: (ctx) => (returnedBefore(ctx) ? null : new ConflictError('稿件还未被退回，请用「提交审核」', { status: ctx.status }, 'not_returned'))
    },
    approve_first: { from: ['first_review'], to: 'second_review', by: DRAFT_REVIEW_ROLES, label: '初审通过', inputs: { note }, public: true, guard: reviewGuard },
    approve_second: { from: ['second_review'], to: 'final_review', by: DRAFT_REVIEW_ROLES, label: '复审通过', inputs: { note }, public: true, guard: reviewGuard },
    approve_final: { from: ['final_review'], to: 'approved', by: DRAFT_REVIEW_ROLES, label: '终审通过', inputs: { note }, stamps: ['approved_at'], public: true, guard: finalGuard },
    return: {
      from: REVIEW_STAGES,
      to: 'drafting',
      by: DRAFT_REVIEW_ROLES,
      label: '退回修改',
      inputs: { note: { ...note, required: true, label: '退回意见', missing: '退回时请写明修改意见（note），撰稿人会看到' } },
      public: true,
      guard: reviewGuard
    },
    publish: { from: ['approved'], to: 'published', by: DRAFT_WRITER_ROLES, label: '登记发表', inputs: { note: { ...note, label: '说明' } }, stamps: ['published_at'], via: 'ledger', public: true },
    withdraw: {
      from: ['published'],
      to: 'withdrawn',
      by: DRAFT_WRITER_ROLES,
      label: '撤稿',
      inputs: { reason: { required: true, label: '撤稿原因', max: ACTION_NOTE_MAX, missing: '撤稿时请写明原因（reason）' } },
      stamps: ['withdrawn_at'],
      public: true
    }
  }
})

/** The stage a status stands for, or null outside the review. */
export const stageOf = (status: DraftStatus): ReviewStage | null => (isReviewStage(status) ? status : null)

/**
 * The signatures the current round holds: for each stage, the last approval since the last return
 * (a return resets them). Read by the approval sheet (稿件审批表) and the review page.
 */
export function currentSignatures<E extends { action: string; actorId: string | null; from?: string | null }>(history: readonly E[]): Partial<Record<ReviewStage, E>> {
  const out: Partial<Record<ReviewStage, E>> = {}
  for (const e of history) {
    if (e.action === RETURN_ACTION) for (const s of REVIEW_STAGES) delete out[s]
    const stage = REVIEW_STAGES.find((s) => STAGE_APPROVE_ACTION[s] === e.action)
    if (stage) out[stage] = e
  }
  return out
}

/** Recorded on every save (a new version), besides the table's actions and the creation. */
export const DRAFT_SAVE_EVENT = 'save'
/** The text is edited only while it is being written (a return brings it back there). */
export const DRAFT_EDITABLE_STATUSES: readonly DraftStatus[] = ['drafting']
export const isDraftEditable = (status: DraftStatus) => DRAFT_EDITABLE_STATUSES.includes(status)

/** Where recording a publication leaves a draft (the ledger's `publish`). */
export const PUBLISHED_DRAFT_STATUS: DraftStatus = draftMachine.table[PUBLISH_ACTION].to
/** Not yet recorded anywhere: the first record takes the draft through `publish`. */
export const awaitsFirstPublication = (status: DraftStatus) => draftMachine.table[PUBLISH_ACTION].from.includes(status)

/**
 * Where a publication can be recorded: an approved draft (the ledger takes `publish` through the
 * table) or one already published (a further outlet, no transition), by those the table lets publish.
 */
export function canRecordPublication(status: DraftStatus, roles: readonly Role[]): boolean {
  const publish = draftMachine.table[PUBLISH_ACTION]
  return (awaitsFirstPublication(status) || status === PUBLISHED_DRAFT_STATUS) && publish.by.some((r) => roles.includes(r))
}

/** Timeline label of any draft event: the table's action, the creation or a save. */
export function draftEventLabel(action: string): string {
  if (action === draftMachine.initial.event) return draftMachine.initial.label
  if (action === DRAFT_SAVE_EVENT) return '保存新版本'
  return draftMachine.isAction(action) ? draftMachine.table[action].label : action
}
