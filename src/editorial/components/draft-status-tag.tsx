import { Text } from '@tarojs/components'
import { DRAFT_STATUS_LABELS, type DraftStatus } from '../../../domain/draft/state-machine'
import { STATUS_TONE_COLORS, type StatusTone } from '@/components/status-tones'
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

/** A draft's status as the desk's tinted tag (the same colours, checked for contrast). */
export function DraftStatusTag({ status }: { status: DraftStatus }) {
  const tone = TONE[status]
  const { color, background, border } = STATUS_TONE_COLORS[tone]
  return (
    <Text className={`zb-status-tag zb-status-tag--${tone}`} style={{ color, background, borderColor: border }}>
      {DRAFT_STATUS_LABELS[status]}
    </Text>
  )
}
DraftStatusTag.displayName = 'DraftStatusTag'
