import {
  CASE_STATUS_LABELS,
  MESSAGE_STATUS_BUCKET,
  MESSAGE_STATUS_LABELS,
  type CaseStatus,
  type InboxItem,
  type MessageStatus
} from '@/domain'
import { Tag } from './ui-sub'

export type StatusTagType = 'primary' | 'warning' | 'success' | 'default'
/** Which state machine a status belongs to: the two share names (`new`, `accepted`) but not labels. */
export type StatusKind = InboxItem['kind']

const MESSAGE_BUCKET_TAG: Record<string, StatusTagType> = { open: 'warning', waiting: 'primary', closed: 'default' }

/** A case is ours to act on when new or resubmitted, waits on the officer when returned, and is done otherwise. */
const CASE_TAG: Record<CaseStatus, StatusTagType> = {
  new: 'warning',
  resubmitted: 'warning',
  returned: 'primary',
  accepted: 'success',
  used: 'success',
  published: 'success',
  archived: 'default'
}

const isMessageStatus = (s: string): s is MessageStatus => s in MESSAGE_STATUS_LABELS
const isCaseStatus = (s: string): s is CaseStatus => s in CASE_STATUS_LABELS

export function statusLabel(status: string, kind: StatusKind = 'message'): string {
  if (kind === 'case') return isCaseStatus(status) ? CASE_STATUS_LABELS[status] : status
  return isMessageStatus(status) ? MESSAGE_STATUS_LABELS[status] : status
}

function tagType(status: string, kind: StatusKind): StatusTagType {
  if (kind === 'case') return isCaseStatus(status) ? CASE_TAG[status] : 'default'
  return isMessageStatus(status) ? MESSAGE_BUCKET_TAG[MESSAGE_STATUS_BUCKET[status]] : 'default'
}

export interface StatusTagProps {
  status: string
  /** Defaults to a message's status. */
  kind?: StatusKind
}

/** An item's status as a coloured tag: warning when it is ours to act, primary when waiting on someone else. */
export function StatusTag({ status, kind = 'message' }: StatusTagProps) {
  return (
    <Tag type={tagType(status, kind)} className='zb-status-tag'>
      {statusLabel(status, kind)}
    </Tag>
  )
}
StatusTag.displayName = 'StatusTag'
