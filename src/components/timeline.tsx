import { View, Text } from '@tarojs/components'
import { eventActionLabel, RATING_LABELS, REJECT_REASON_LABELS, type RejectReason, type TimelineEvent } from '@/domain'
import { formatTime } from './format'
import type { StatusKind } from './status-tones'
import './timeline.scss'

/** What an event did, in words: 提交留言 / 提交事例, or the item's state machine's own label for the action. */
export function eventLabel(event: TimelineEvent, kind: StatusKind = 'message'): string {
  return eventActionLabel(kind, event.action)
}

function reasonLabel(reason: string): string {
  return REJECT_REASON_LABELS[reason as RejectReason] ?? reason
}

export interface TimelineProps {
  events: readonly TimelineEvent[]
  /** Show who acted (staff view); the citizen's view leaves names out. */
  showActor?: boolean
  /** Whose state machine names the actions; defaults to a message's. */
  kind?: StatusKind
}

/** An item's history, oldest first. */
export function Timeline({ events, showActor = false, kind = 'message' }: TimelineProps) {
  return (
    <View className='zb-timeline'>
      {events.map((e) => (
        <View key={e.id} className='zb-timeline__event'>
          <View className='zb-timeline__dot' />
          <View className='zb-timeline__body'>
            <Text className='zb-timeline__label'>{eventLabel(e, kind)}</Text>
            {showActor && e.actorName ? <Text className='zb-timeline__actor'>{e.actorName}</Text> : null}
            <Text className='zb-timeline__time'>{formatTime(e.at)}</Text>
            {e.reason ? <Text className='zb-timeline__text'>原因：{reasonLabel(e.reason)}</Text> : null}
            {/* The citizen's rating, and the comment given with it (why not satisfied). */}
            {e.rating ? <Text className='zb-timeline__text zb-timeline__rating'>评价：{RATING_LABELS[e.rating]}</Text> : null}
            {e.rating && e.body && !showActor ? <Text className='zb-timeline__text'>意见：{e.body}</Text> : null}
            {/* A case's note (what to add, why archived) is part of its history. Staff also see
                what each reply said, so a colleague picking the item up reads the whole exchange;
                the citizen's own view shows the reply above the timeline instead. */}
            {kind === 'case' && e.body ? <Text className='zb-timeline__text'>说明：{e.body}</Text> : null}
            {kind === 'message' && showActor && e.body ? (
              <Text className='zb-timeline__text zb-timeline__reply'>{e.body}</Text>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  )
}
Timeline.displayName = 'Timeline'
