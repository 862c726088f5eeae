import { defineMachine, type InputRule, type StatusBucket } from '../state-machine'
import type { Role } from '../roles'
import { DESK_ROLES } from '../desk'
import { ACTION_NOTE_MAX } from '../limits'

export const CASE_STATUSES = ['new', 'accepted', 'used', 'published', 'returned', 'resubmitted', 'archived'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const CASE_ACTIONS = ['accept', 'return', 'resubmit', 'archive', 'use', 'publish'] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  new: '待处理',
  accepted: '已采用',
  used: '已用于稿件',
  published: '已发表',
  returned: '退回补充',
  resubmitted: '已重新提交',
  archived: '已存档'
}

/**
 * Open: awaiting triage. Waiting: on the officer (returned) or on the editorial flow (an accepted
 * case waits to be used in a draft, a used one to be published); triage is done with them.
 */
export const CASE_STATUS_BUCKET: Record<CaseStatus, StatusBucket> = {
  new: 'open',
  resubmitted: 'open',
  returned: 'waiting',
  accepted: 'waiting',
  used: 'waiting',
  published: 'closed',
  archived: 'closed'
}

const note: InputRule = { required: false, label: '说明', max: ACTION_NOTE_MAX }

/**
 * DESIGN.md: new → accepted → used (in a draft) → published; new → returned (ask the officer
 * for more detail) → resubmitted; new → archived. A resubmitted case is triaged like a new one.
 * The officer sees every change and the note that came with it.
 */
export const caseMachine = defineMachine<CaseStatus, CaseAction, Role>({
  noun: '事例',
  statuses: CASE_STATUSES,
  statusLabels: CASE_STATUS_LABELS,
  buckets: CASE_STATUS_BUCKET,
  initial: { status: 'new', event: 'create', label: '提交事例', public: true },
  table: {
    accept: { from: ['new', 'resubmitted'], to: 'accepted', by: DESK_ROLES, label: '采用为素材', inputs: { note }, stamps: ['accepted_at'], public: true },
    return: {
      from: ['new', 'resubmitted'],
      to: 'returned',
      by: DESK_ROLES,
      label: '退回补充',
      inputs: { note: { ...note, required: true, label: '需要补充的内容' } },
      public: true
    },
    resubmit: { from: ['returned'], to: 'resubmitted', by: ['officer'], label: '补充后重新提交', clears: ['closed_at'], public: true },
    // Archiving ends the case; the officer reads why (我的事例, 宣传人员反馈).
    archive: {
      from: ['new', 'resubmitted'],
      to: 'archived',
      by: DESK_ROLES,
      label: '存档',
      inputs: { note: { ...note, required: true, label: '存档原因', missing: '存档时请写明原因（note），报送人会看到' } },
      stamps: ['closed_at'],
      public: true
    },
    use: { from: ['accepted'], to: 'used', by: DESK_ROLES, label: '用于稿件', inputs: { note }, via: 'drafts', public: true },
    publish: { from: ['used'], to: 'published', by: DESK_ROLES, label: '已发表', inputs: { note }, stamps: ['closed_at'], via: 'drafts', public: true }
  }
})

/** Actions whose note is the desk's word to the officer (shown on 我的事例 as feedback). */
export const CASE_FEEDBACK_ACTIONS: readonly CaseAction[] = ['return', 'accept', 'archive']
/** The officer's own action on a returned case. */
export const RESUBMIT_ACTION: CaseAction = 'resubmit'

/** Whether the officer has something to do with a case in this status (edit and resubmit it). */
export const officerMayEdit = (status: CaseStatus) => caseMachine.allowed(status, ['officer']).includes(RESUBMIT_ACTION)

/** What the officer's card calls the desk's note, unless the case was ended with a reason. */
export const CASE_FEEDBACK_LABEL = '宣传人员反馈'

/**
 * The heading of the desk's note on the officer's card (我的事例): when the case was ended by an
 * action that had to give its reason (archive: 存档原因), that reason's own label from the table,
 * so the officer reads why it ended; otherwise the staff's feedback in general.
 */
export function caseFeedbackLabel(status: CaseStatus): string {
  if (CASE_STATUS_BUCKET[status] !== 'closed') return CASE_FEEDBACK_LABEL
  const ended = CASE_FEEDBACK_ACTIONS.map((a) => caseMachine.table[a]).find((t) => t.to === status && t.inputs?.note?.required)
  return ended?.inputs?.note?.label ?? CASE_FEEDBACK_LABEL
}
