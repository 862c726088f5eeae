import { View, Text } from '@tarojs/components'
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '@/domain'

export interface PriorityCardProps {
  priority: number
  busy: boolean
  onSet: (priority: Priority) => void
}

/** 普通 / 优先 / 紧急: one tap sets it (POST /api/items/:id/priority). */
export function PriorityCard({ priority, busy, onSet }: PriorityCardProps) {
  return (
    <View className='zb-card priority-card'>
      <Text className='zb-label'>优先级</Text>
      <View className='zb-row'>
        {PRIORITIES.map((p) => (
          <View
            key={p}
            className={`zb-chip priority-card__chip ${p === priority ? 'zb-chip--active' : ''}`}
            onClick={() => {
              if (!busy && p !== priority) onSet(p)
            }}
          >
            {PRIORITY_LABELS[p]}
          </View>
        ))}
      </View>
    </View>
  )
}
PriorityCard.displayName = 'PriorityCard'
