import { View, Text } from '@tarojs/components'
import type { MergedIntoView } from '@/domain'
import { StatusTag } from '@/components/status-tag'
import { Timeline } from '@/components/timeline'
import { formatTime } from '@/components/format'

/**
 * A merged message's card tells its author where it went: the surviving message's 留言码, where
 * that one stands, its reply and its progress. The citizen keeps following their request there.
 */
export function MergedNote({ into }: { into: MergedIntoView }) {
  return (
    <View className='zb-quote my-messages__merged'>
      <View className='zb-card__head'>
        <Text className='zb-label'>已合并到 留言码 {into.trackingCode}</Text>
        <StatusTag status={into.status} />
      </View>
      <Text className='zb-hint my-messages__merged-hint'>您反映的问题与这条留言相同，将一并办理，以下是它的办理进度和答复。</Text>
      {into.reply ? (
        <View className='my-messages__merged-reply'>
          <Text className='zb-label'>答复</Text>
          <Text className='zb-quote__body'>{into.reply.body}</Text>
          <Text className='zb-hint'>{formatTime(into.reply.at)}</Text>
        </View>
      ) : null}
      <Timeline events={into.timeline} />
    </View>
  )
}
MergedNote.displayName = 'MergedNote'
