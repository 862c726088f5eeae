import { defineMachine, type GuardContext, type InputRule, type StatusBucket } from '../state-machine'
import { ConflictError, InvalidError, NotFoundError, type DomainError } from '../errors'

export type { StatusBucket } from '../state-machine'
import { SYSTEM_ROLE, type MachineRole } from '../roles'
import { DESK_ROLES } from '../desk'
import { ACTION_NOTE_MAX, LIMITS, REPLY_BODY_MAX } from '../limits'

export const MESSAGE_STATUSES = ['new', 'accepted', 'in_progress', 'replied', 'closed', 'rejected', 'reopened', 'merged'] as const
export type MessageStatus = (typeof MESSAGE_STATUSES)[number]

export const MESSAGE_ACTIONS = ['accept', 'reject', 'start', 'reply', 'close', 'reopen', 'merge', 'auto_close'] as const
export type MessageAction = (typeof MESSAGE_ACTIONS)[number]

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  new: '待受理',
  accepted: '已受理',
  in_progress: '办理中',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
  reopened: '重新办理',
  merged: '已合并'
}

/** Open: ours to act; waiting: on the citizen (satisfied, or not); closed. */
export const MESSAGE_STATUS_BUCKET: Record<MessageStatus, StatusBucket> = {
  new: 'open',
  accepted: 'open',
  in_progress: 'open',
  reopened: 'open',
  replied: 'waiting',
  closed: 'closed',
  rejected: 'closed',
  merged: 'closed'
}

export const REJECT_REASONS = ['spam', 'out_of_jurisdiction', 'duplicate', 'other'] as const
export type RejectReason = (typeof REJECT_REASONS)[number]
export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  spam: '无效信息',
  out_of_jurisdiction: '不属本局职责，已转办',
  duplicate: '重复留言',
  other: '其他'
}

const note: InputRule = { required: false, label: '说明', max: ACTION_NOTE_MAX }

/** The citizen's verdict on a reply (满意 / 基本满意 / 不满意), given with close or reopen. */
export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const
export type Rating = (typeof RATINGS)[number]
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' }
/** Ratings that end the matter (close); the others send it back to the bureau (reopen). */
const CLOSING_RATINGS = ['satisfied', 'basically_satisfied'] as const satisfies readonly Rating[]
const REOPENING_RATINGS = ['dissatisfied'] as const satisfies readonly Rating[]
/** Only the author rates: a colleague acting on someone else's message has no citizen role there. */
const rating = (choices: readonly Rating[]): InputRule => ({ required: false, label: '评价', choices, onlyBy: { roles: ['citizen'], who: '留言人本人' } })
/** The comment that comes with a rating (why not satisfied), kept as the event's text. */
const comment: InputRule = { required: false, label: '评价意见', max: ACTION_NOTE_MAX }

/** Where a message still open may be merged: the table's own statuses, read by the guard. */
const MERGEABLE_FROM = ['new', 'accepted', 'in_progress', 'reopened'] as const satisfies readonly MessageStatus[]

/**
 * A merge names its survivor (`into`), which the service looks up in the actor's own bureau and
 * hands over as `other`. Merged only into another message (a case is an officer's report, not
 * the same kind of request) that is still being handled or waits on its citizen: a closed,
 * rejected or merged one would hide the citizen's request where nobody works any more.
 */
function mergeGuard(ctx: GuardContext<MessageStatus>): DomainError | null {
  const into = ctx.other
  if (ctx.inputs.into !== undefined && ctx.itemId !== undefined && ctx.inputs.into.toLowerCase() === ctx.itemId.toLowerCase()) {
    return new InvalidError('不能把留言合并到它自己，请选择另一条留言', 'into')
  }
  if (!into) return new NotFoundError('要合并到的留言不存在，或不属于本局')
  if (into.id === ctx.itemId) return new InvalidError('不能把留言合并到它自己，请选择另一条留言', 'into')
  if (into.kind !== 'message') return new InvalidError('留言只能合并到另一条留言，不能合并到事例', 'into')
  if (into.bucket === 'closed') {
    const label = MESSAGE_STATUS_LABELS[into.status as MessageStatus] ?? into.status
    return new ConflictError(`目标留言已「${label}」，不能再合并进来；请选择仍在办理或等待群众确认的留言`, { into: into.id, intoStatus: into.status }, 'merge_target_closed')
  }
  return null
}

/**
 * DESIGN.md: new → accepted → in_progress → replied → closed; new → rejected (with reason);
 * replied → reopened when the citizen is not satisfied. A reply may follow acceptance
 * directly: simple questions need no separate handling step. Every change is public: the
 * citizen follows their message's progress.
 */
export const messageMachine = defineMachine<MessageStatus, MessageAction, MachineRole>({
  noun: '留言',
  statuses: MESSAGE_STATUSES,
  statusLabels: MESSAGE_STATUS_LABELS,
  buckets: MESSAGE_STATUS_BUCKET,
  initial: { status: 'new', event: 'create', label: '提交留言', public: true },
  table: {
    accept: { from: ['new'], to: 'accepted', by: DESK_ROLES, label: '受理', inputs: { note }, stamps: ['accepted_at'], public: true },
    reject: {
      from: ['new'],
      to: 'rejected',
      by: DESK_ROLES,
      label: '不予受理',
      inputs: {
        reason: { required: true, label: '不予受理原因', choices: REJECT_REASONS },
        transferredTo: { required: false, label: '转办单位', max: LIMITS.transferredTo, onlyWith: { field: 'reason', value: 'out_of_jurisdiction' } },
        note
      },
      stamps: ['closed_at'],
      public: true
    },
    start: { from: ['accepted', 'reopened'], to: 'in_progress', by: DESK_ROLES, label: '开始办理', inputs: { note }, public: true },
    reply: {
      from: ['accepted', 'in_progress', 'reopened'],
      to: 'replied',
      by: DESK_ROLES,
      label: '答复',
      inputs: { body: { required: true, label: '答复内容', max: REPLY_BODY_MAX } },
      stamps: ['first_reply_at'],
      public: true
    },
    // The citizen closes with 满意/基本满意 (the rating form); staff close without a rating.
    close: { from: ['replied'], to: 'closed', by: ['citizen', ...DESK_ROLES], label: '办结', inputs: { rating: rating(CLOSING_RATINGS), note: comment }, stamps: ['closed_at'], public: true },
    // 不满意 sends the message back to the bureau, with the citizen's comment as the event's text.
    reopen: { from: ['replied'], to: 'reopened', by: ['citizen'], label: '不满意，重新办理', inputs: { rating: rating(REOPENING_RATINGS), note: comment }, clears: ['closed_at'], public: true },
    // No rating within the configured days (RATING_WINDOW_DAYS): the daily job closes it.
    auto_close: { from: ['replied'], to: 'closed', by: [SYSTEM_ROLE], label: '逾期未评价，自动办结', stamps: ['closed_at'], public: true, via: 'job' },
    // Public: the citizen is told where the message went and follows the survivor's reply.
    merge: {
      from: MERGEABLE_FROM,
      to: 'merged',
      by: DESK_ROLES,
      label: '合并',
      inputs: { into: { required: true, label: '合并到的留言', max: 36, missing: '请选择要合并到的留言（into）' }, note },
      stamps: ['closed_at'],
      public: true,
      via: 'duplicates',
      guard: mergeGuard
    }
  }
})

/** The action whose text is the bureau's answer (shown to the citizen as 答复). */
export const REPLY_ACTION = 'reply' satisfies MessageAction

/** The action that merges a duplicate into its survivor, and the survivor's own event for it. */
export const MERGE_ACTION: MessageAction = 'merge'
export const MERGED_STATUS: MessageStatus = 'merged'
/** Recorded on the surviving item (no status change, internal): 合并了 留言 XXXX. */
export const MERGED_IN_EVENT = 'merged_in'
export const MERGED_IN_LABEL = '合并了'

/** What the daily job takes on a replied message nobody rated in time. */
export const AUTO_CLOSE_ACTION: MessageAction = 'auto_close'
/** The status a reply leaves a message in: where the rating window starts. */
export const REPLIED_STATUS: MessageStatus = messageMachine.table[REPLY_ACTION].to

/** The action a rating takes: the one whose rating input accepts it (close or reopen). */
export function ratingAction(r: Rating): MessageAction {
  const action = messageMachine.actions.find((a) => messageMachine.table[a].inputs?.rating?.choices?.includes(r))
  if (!action) throw new Error(`no action takes the rating ${r}`)
  return action
}
