import { View, Text } from '@tarojs/components'
import { Button } from '@/components/ui'
import { useSessionUser } from '@/components/use-session-user'
import type { DeskItemDetail } from '@/services/desk-api'
import { PeoplePicker } from './people-picker'
import './assign-card.scss'

export interface AssignCardProps {
  detail: DeskItemDetail
  open: boolean
  busy: boolean
  onOpen: () => void
  onClose?: () => void
  /** Null clears the assignment. */
  onAssign: (assigneeId: string | null, name: string) => Promise<void>
}

/** Who handles the item, and 分派 to hand it to a colleague (picked from GET /api/people) or take it oneself. */
export function AssignCard({ detail, open, busy, onOpen, onClose, onAssign }: AssignCardProps) {
  const me = useSessionUser()
  return (
    <View className='zb-card assign-card'>
      <View className='zb-card__head'>
        <Text className='zb-label assign-card__label'>承办人</Text>
        <Text className='assign-card__current'>{detail.assignee?.name ?? '未分派'}</Text>
      </View>
      {open ? (
        <View className='assign-card__choices'>
          <View className='zb-row'>
            {me && detail.assignee?.id !== me.id ? (
              <Button size='small' type='primary' disabled={busy} onClick={() => void onAssign(me.id, '我')}>
                分派给我
              </Button>
            ) : null}
            {detail.assignee ? (
              <Button size='small' fill='outline' disabled={busy} onClick={() => void onAssign(null, '')}>
                取消分派
              </Button>
            ) : null}
            {onClose ? (
              <Button size='small' fill='none' onClick={onClose}>
                收起
              </Button>
            ) : null}
          </View>
          <Text className='zb-hint'>分派给同事：</Text>
          <PeoplePicker currentId={detail.assignee?.id} excludeId={me?.id} busy={busy} onPick={(c) => void onAssign(c.id, c.name)} />
        </View>
      ) : (
        <Button size='small' className='assign-card__open' onClick={onOpen}>
          分派
        </Button>
      )}
    </View>
  )
}
AssignCard.displayName = 'AssignCard'
