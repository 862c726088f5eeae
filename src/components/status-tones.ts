// Which tone each status is drawn in; the tones' colours are the theme's (src/styles/variables.scss),
// checked in both themes by test/unit/theme-contrast.test.ts.
// Relative imports only: the unit test loads this file without the app's `@/` alias.
import { CASE_STATUS_LABELS, MESSAGE_STATUS_BUCKET, MESSAGE_STATUS_LABELS, type CaseStatus, type MessageStatus } from '../domain'

/** Which state machine a status belongs to: the two share names (`new`, `accepted`) but not labels. */
export type StatusKind = 'message' | 'case'

/** ours: staff must act; waiting: on someone else; done: used or answered for good; closed: out of the way. */
export type StatusTone = 'ours' | 'waiting' | 'done' | 'closed'
export const STATUS_TONES: readonly StatusTone[] = ['ours', 'waiting', 'done', 'closed']

const MESSAGE_BUCKET_TONE = { open: 'ours', waiting: 'waiting', closed: 'closed' } as const

/** A case is ours to act on when new or resubmitted, waits on the officer when returned, and is done otherwise. */
const CASE_TONE: Record<CaseStatus, StatusTone> = {
  new: 'ours',
  resubmitted: 'ours',
  returned: 'waiting',
  accepted: 'done',
  used: 'done',
  published: 'done',
  archived: 'closed'
}

const isMessageStatus = (s: string): s is MessageStatus => s in MESSAGE_STATUS_LABELS
const isCaseStatus = (s: string): s is CaseStatus => s in CASE_STATUS_LABELS

export function statusTone(status: string, kind: StatusKind): StatusTone {
  if (kind === 'case') return isCaseStatus(status) ? CASE_TONE[status] : 'closed'
  return isMessageStatus(status) ? MESSAGE_BUCKET_TONE[MESSAGE_STATUS_BUCKET[status]] : 'closed'
}

export function statusLabel(status: string, kind: StatusKind = 'message'): string {
  if (kind === 'case') return isCaseStatus(status) ? CASE_STATUS_LABELS[status] : status
  return isMessageStatus(status) ? MESSAGE_STATUS_LABELS[status] : status
}
