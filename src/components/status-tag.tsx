import { Text } from '@tarojs/components'
import { statusLabel, statusTone, type StatusKind } from './status-tones'
import './status-tag.scss'

export { statusLabel, type StatusKind } from './status-tones'

export interface StatusTagProps {
  status: string
  /** Defaults to a message's status. */
  kind?: StatusKind
}

/**
 * An item's status as a tinted tag. Drawn by us rather than NutUI's Tag, whose fixed 14-px
 * height and 10-px text cannot grow in 大字模式; each tone's colours are the theme's (status-tag.scss).
 */
export function StatusTag({ status, kind = 'message' }: StatusTagProps) {
  const tone = statusTone(status, kind)
  return (
    <Text className={`zb-status-tag zb-status-tag--${tone}`}>
      {statusLabel(status, kind)}
    </Text>
  )
}
StatusTag.displayName = 'StatusTag'
