import { defineMachine, type InputRule, type StatusBucket } from '../state-machine'

export type { StatusBucket } from '../state-machine'
import type { Role } from '../roles'
import { DESK_ROLES } from '../desk'
import { ACTION_NOTE_MAX, LIMITS, REPLY_BODY_MAX } from '../limits'

export const MESSAGE_STATUSES = ['new', 'accepted', 'in_progress', 'replied', 'closed', 'rejected', 'reopened'] as const
export type MessageStatus = (typeof MESSAGE_STATUSES)[number]

export const MESSAGE_ACTIONS = ['accept', 'reject', 'start', 'reply', 'close', 'reopen'] as const
export type MessageAction = (typeof MESSAGE_ACTIONS)[number]

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  new: '待受理',
  accepted: '已受理',
  in_progress: '办理中',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
  reopened: '重新办理'
}

/** Open: ours to act; waiting: on the citizen (satisfied, or not); closed. */
export const MESSAGE_STATUS_BUCKET: Record<MessageStatus, StatusBucket> = {
  new: 'open',
  accepted: 'open',
  in_progress: 'open',
  reopened: 'open',
  replied: 'waiting',
  closed: 'closed',
  rejected: 'closed'
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

/**
 * DESIGN.md: new → accepted → in_progress → replied → closed; new → rejected (with reason);
 * replied → reopened when the citizen is not satisfied. A reply may follow acceptance
 * directly: simple questions need no separate handling step. Every change is public: the
 * citizen follows their message's progress.
 */
export const messageMachine = defineMachine<MessageStatus, MessageAction, Role>({
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
    close: { from: ['replied'], to: 'closed', by: ['citizen', ...DESK_ROLES], label: '办结', inputs: { note }, stamps: ['closed_at'], public: true },
    reopen: { from: ['replied'], to: 'reopened', by: ['citizen'], label: '不满意，重新办理', inputs: { note }, clears: ['closed_at'], public: true }
  }
})

/** The action whose text is the bureau's answer (shown to the citizen as 答复). */
export const REPLY_ACTION: MessageAction = 'reply'
