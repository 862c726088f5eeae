import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@/components/ui'
import { useSessionUser } from '@/components/use-session-user'
import { deskApi, type Colleague, type DeskItemDetail } from '@/services/desk-api'
import './assign-card.scss'

export interface AssignCardProps {
  detail: DeskItemDetail
  open: boolean
  busy: boolean
  onOpen: () => void
  /** Null clears the assignment. */
  onAssign: (assigneeId: string | null, name: string) => Promise<void>
}

/** Who handles the item, and 分派 to hand it to a colleague (or take it oneself). */
export function AssignCard({ detail, open, busy, onOpen, onAssign }: AssignCardProps) {
  const me = useSessionUser()
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null)
  useEffect(() => {
    if (!open || colleagues) return
    deskApi.colleagues().then(setColleagues, () => setColleagues([]))
  }, [open, colleagues])

  const others = (colleagues ?? []).filter((c) => c.id !== me?.id)
  return (
    <View className='zb-card assign-card'>
      <View className='zb-card__head'>
        <Text className='zb-label assign-card__label'>承办人</Text>
        <Text className='assign-card__current'>{detail.assigneeName ?? '未分派'}</Text>
      </View>
      {open ? (
        <View className='zb-row assign-card__choices'>
          {me && detail.assigneeId !== me.id ? (
            <Button size='small' type='primary' disabled={busy} onClick={() => void onAssign(me.id, '我')}>
              分派给我
            </Button>
          ) : null}
          {others.map((c) => (
            <Button key={c.id} size='small' disabled={busy || c.id === detail.assigneeId} onClick={() => void onAssign(c.id, c.name)}>
              {c.departmentName ? `${c.name}（${c.departmentName}）` : c.name}
            </Button>
          ))}
          {detail.assigneeId ? (
            <Button size='small' fill='outline' disabled={busy} onClick={() => void onAssign(null, '')}>
              取消分派
            </Button>
          ) : null}
          {colleagues === null ? <Text className='zb-hint'>正在读取同事名单…</Text> : null}
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
