// The one source of the status tags' colours: the tag draws with these, and a unit test
// (test/unit/status-tag-contrast.test.ts) checks every pair against WCAG's 4.5:1.
// Relative imports only: the unit test loads this file without the app's `@/` alias.
import { CASE_STATUS_LABELS, MESSAGE_STATUS_BUCKET, MESSAGE_STATUS_LABELS, type CaseStatus, type MessageStatus } from '../domain'

/** Which state machine a status belongs to: the two share names (`new`, `accepted`) but not labels. */
export type StatusKind = 'message' | 'case'

/** ours: staff must act; waiting: on someone else; done: used or answered for good; closed: out of the way. */
export type StatusTone = 'ours' | 'waiting' | 'done' | 'closed'
export const STATUS_TONES: readonly StatusTone[] = ['ours', 'waiting', 'done', 'closed']

export interface ToneColors {
  /** Text colour. */
  color: string
  background: string
  border: string
}

/** Dark text on a pale tint of the same hue: readable at 12 px (white on NutUI's yellow was 1.65:1). */
export const STATUS_TONE_COLORS: Readonly<Record<StatusTone, ToneColors>> = {
  ours: { color: '#8a3c00', background: '#fff1dc', border: '#f0c48a' },
  waiting: { color: '#0b4a8f', background: '#e7f0fb', border: '#a9c8ee' },
  done: { color: '#14602f', background: '#e4f4e9', border: '#9fd3b0' },
  closed: { color: '#474747', background: '#efefef', border: '#d0d0d0' }
}

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
