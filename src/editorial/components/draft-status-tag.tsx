import { Text } from '@tarojs/components'
import { DRAFT_STATUS_LABELS, type DraftStatus } from '../../../domain/draft/state-machine'
import type { StatusTone } from '@/components/status-tones'
import '@/components/status-tag.scss'

/** Writing: ours; in review or waiting for publication: waiting; published: done; withdrawn: closed. */
const TONE: Record<DraftStatus, StatusTone> = {
  drafting: 'ours',
  first_review: 'waiting',
  second_review: 'waiting',
  final_review: 'waiting',
  approved: 'waiting',
  published: 'done',
  withdrawn: 'closed'
}

/** A draft's status as the desk's tinted tag (the tone classes' theme colours, checked for contrast in both themes). */
export function DraftStatusTag({ status }: { status: DraftStatus }) {
  const tone = TONE[status]
  return (
    <Text className={`zb-status-tag zb-status-tag--${tone}`}>
      {DRAFT_STATUS_LABELS[status]}
    </Text>
  )
}
DraftStatusTag.displayName = 'DraftStatusTag'
