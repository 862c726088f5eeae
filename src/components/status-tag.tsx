import { MESSAGE_STATUS_LABELS, MESSAGE_STATUS_BUCKET, type MessageStatus } from '@/domain'
import { Tag } from './ui'

export type StatusTagType = 'primary' | 'warning' | 'success' | 'default'

const BUCKET_TAG: Record<string, StatusTagType> = { open: 'warning', waiting: 'primary', closed: 'default' }

function isMessageStatus(s: string): s is MessageStatus {
  return s in MESSAGE_STATUS_LABELS
}

export function statusLabel(status: string): string {
  return isMessageStatus(status) ? MESSAGE_STATUS_LABELS[status] : status
}

/** A message's status as a coloured tag: open (ours to act), waiting (on the citizen), closed. */
export function StatusTag({ status }: { status: string }) {
  const type = isMessageStatus(status) ? BUCKET_TAG[MESSAGE_STATUS_BUCKET[status]] : 'default'
  return (
    <Tag type={type} className='zb-status-tag'>
      {statusLabel(status)}
    </Tag>
  )
}
StatusTag.displayName = 'StatusTag'
