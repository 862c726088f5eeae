import { Text } from '@tarojs/components'
import type { Viewer } from '@/domain'
import './presence-note.scss'

/** "王五 正在处理": colleagues who have this item open now; nothing when no one does. */
export function PresenceNote({ viewers }: { viewers: readonly Viewer[] }) {
  if (viewers.length === 0) return null
  const names = viewers.length <= 2 ? viewers.map((v) => v.name).join('、') : `${viewers[0]!.name}等 ${viewers.length} 人`
  return (
    <Text className='zb-presence-note' aria-live='polite'>
      {names} 正在处理
    </Text>
  )
}
