import { defineMachine } from '../state-machine'
import type { Role } from '../roles'

export const CASE_STATUSES = ['new', 'accepted', 'used', 'published', 'returned', 'resubmitted', 'archived'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const CASE_ACTIONS = ['accept', 'return', 'resubmit', 'archive', 'use', 'publish'] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

const DESK: readonly Role[] = ['staff', 'admin']

/**
 * DESIGN.md: new → accepted → used (in a draft) → published; new → returned (ask the officer
 * for more detail) → resubmitted; new → archived. A resubmitted case is triaged like a new one.
 */
export const caseMachine = defineMachine<CaseStatus, CaseAction, Role>(CASE_STATUSES, {
  accept: { from: ['new', 'resubmitted'], to: 'accepted', by: DESK, label: '采用为素材' },
  return: { from: ['new', 'resubmitted'], to: 'returned', by: DESK, label: '退回补充' },
  resubmit: { from: ['returned'], to: 'resubmitted', by: ['officer'], label: '补充后重新提交' },
  archive: { from: ['new', 'resubmitted'], to: 'archived', by: DESK, label: '存档' },
  use: { from: ['accepted'], to: 'used', by: DESK, label: '用于稿件' },
  publish: { from: ['used'], to: 'published', by: DESK, label: '已发表' }
})

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  new: '待处理',
  accepted: '已采用',
  used: '已用于稿件',
  published: '已发表',
  returned: '退回补充',
  resubmitted: '已重新提交',
  archived: '已存档'
}

export const CASE_TITLE_MAX = 60
export const CASE_BODY_MAX = 5000
export const CASE_PHOTOS_MAX = 9
