import { defineMachine } from '../state-machine'
import type { Role } from '../roles'

export const MESSAGE_STATUSES = [
  'new',
  'accepted',
  'in_progress',
  'replied',
  'closed',
  'rejected',
  'reopened'
] as const
export type MessageStatus = (typeof MESSAGE_STATUSES)[number]

export const MESSAGE_ACTIONS = ['accept', 'reject', 'start', 'reply', 'close', 'reopen'] as const
export type MessageAction = (typeof MESSAGE_ACTIONS)[number]

const DESK: readonly Role[] = ['staff', 'admin']

/**
 * DESIGN.md: new → accepted → in_progress → replied → closed; new → rejected (with reason);
 * replied → reopened when the citizen is not satisfied. A reply may follow acceptance
 * directly: simple questions need no separate handling step.
 */
export const messageMachine = defineMachine<MessageStatus, MessageAction, Role>(MESSAGE_STATUSES, {
  accept: { from: ['new'], to: 'accepted', by: DESK, label: '受理' },
  reject: { from: ['new'], to: 'rejected', by: DESK, label: '不予受理' },
  start: { from: ['accepted', 'reopened'], to: 'in_progress', by: DESK, label: '开始办理' },
  reply: { from: ['accepted', 'in_progress', 'reopened'], to: 'replied', by: DESK, label: '答复' },
  close: { from: ['replied'], to: 'closed', by: ['citizen', 'staff', 'admin'], label: '办结' },
  reopen: { from: ['replied'], to: 'reopened', by: ['citizen'], label: '不满意，重新办理' }
})

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  new: '待受理',
  accepted: '已受理',
  in_progress: '办理中',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
  reopened: '重新办理'
}

/** Coarse bucket for counting, as chatwoot does: open (ours to act), waiting (on the citizen), closed. */
export type StatusBucket = 'open' | 'waiting' | 'closed'
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
