import { Text } from '@tarojs/components'
import { authorModerationNote, type ItemModeration } from '../../domain/moderation/item'
import './moderation-note.scss'

/** Tells an author their submission is held for review (审核中) or was refused; nothing when clear. */
export function ModerationNote({ moderation }: { moderation?: ItemModeration }) {
  const note = authorModerationNote(moderation)
  if (!note) return null
  return <Text className={`zb-moderation-note zb-moderation-note--${moderation}`}>{note}</Text>
}
ModerationNote.displayName = 'ModerationNote'
