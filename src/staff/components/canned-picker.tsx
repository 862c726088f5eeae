import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { cannedContextOf, renderCannedReply } from '../../../domain/canned-replies'
import { useSessionUser } from '@/components/use-session-user'
import { deskApi, type CannedReply, type DeskItemDetail } from '@/services/desk-api'
import './canned-picker.scss'

export interface CannedPickerProps {
  detail: DeskItemDetail
  /** The template filled for this item, and the action it is sent with (null: the form's own). */
  onPick: (text: string, action: string | null) => void
}

/** 答复模板 (GET /api/canned-replies): one tap fills the reply for this item (称呼, 留言码, 日期, 部门, 经办人). */
export function CannedPicker({ detail, onPick }: CannedPickerProps) {
  const me = useSessionUser()
  const [open, setOpen] = useState(false)
  const [replies, setReplies] = useState<CannedReply[] | null>(null)
  useEffect(() => {
    if (!open || replies) return
    deskApi.cannedReplies().then(setReplies, () => setReplies([]))
  }, [open, replies])

  if (!open) {
    return (
      <Text className='canned-picker__open' onClick={() => setOpen(true)}>
        使用答复模板
      </Text>
    )
  }
  return (
    <View className='canned-picker'>
      <View className='canned-picker__head'>
        <Text className='zb-hint'>选择模板（会替换已填写的内容）：</Text>
        <Text className='canned-picker__open' onClick={() => setOpen(false)}>
          收起
        </Text>
      </View>
      {replies === null ? <Text className='zb-hint'>正在读取模板…</Text> : null}
      {replies !== null && replies.length === 0 ? <Text className='zb-hint'>管理员尚未设置答复模板</Text> : null}
      {(replies ?? []).map((r) => (
        <View
          key={r.id}
          className='canned-picker__item'
          onClick={() => {
            onPick(renderCannedReply(r.body, cannedContextOf(detail, new Date(), me?.name ?? null)), r.action)
            setOpen(false)
          }}
        >
          <Text className='canned-picker__title'>{r.title}</Text>
          <Text className='zb-hint canned-picker__body'>{r.body}</Text>
        </View>
      ))}
    </View>
  )
}
CannedPicker.displayName = 'CannedPicker'
