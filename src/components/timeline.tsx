import { View, Text } from '@tarojs/components'
import { messageMachine, REJECT_REASON_LABELS, type MessageAction, type RejectReason, type TimelineEvent } from '@/domain'
import { formatTime } from './format'
import './timeline.scss'

/** What an event did, in words: 提交留言, or the state machine's own label for the action. */
export function eventLabel(event: TimelineEvent): string {
  if (event.action === 'create') return '提交留言'
  const t = messageMachine.table[event.action as MessageAction]
  return t ? t.label : event.action
}

function reasonLabel(reason: string): string {
  return REJECT_REASON_LABELS[reason as RejectReason] ?? reason
}

export interface TimelineProps {
  events: readonly TimelineEvent[]
  /** Show who acted (staff view); the citizen's view leaves names out. */
  showActor?: boolean
}

/** An item's history, oldest first. */
export function Timeline({ events, showActor = false }: TimelineProps) {
  return (
    <View className='zb-timeline'>
      {events.map((e) => (
        <View key={e.id} className='zb-timeline__event'>
          <View className='zb-timeline__dot' />
          <View className='zb-timeline__body'>
            <Text className='zb-timeline__label'>{eventLabel(e)}</Text>
            {showActor && e.actorName ? <Text className='zb-timeline__actor'>{e.actorName}</Text> : null}
            <Text className='zb-timeline__time'>{formatTime(e.at)}</Text>
            {e.reason ? <Text className='zb-timeline__text'>原因：{reasonLabel(e.reason)}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}
Timeline.displayName = 'Timeline'
