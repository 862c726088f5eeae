import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { INTERNAL_NOTE_MAX } from '@/domain'
import { Button } from '@/components/ui'
import { useSessionUser } from '@/components/use-session-user'
import { useColleagues } from './people-picker'
import { insertMention, mentionAt, mentionCandidates } from './mention'
import './note-card.scss'

export interface NoteCardProps {
  busy: boolean
  onSend: (body: string) => Promise<boolean>
}

/**
 * 内部备注: seen by colleagues only. `@` offers colleagues by name; the server finds `@姓名` in the
 * text and puts the note under the named colleague's bell.
 */
export function NoteCard({ busy, onSend }: NoteCardProps) {
  const me = useSessionUser()
  const [body, setBody] = useState('')
  const [caret, setCaret] = useState(0)
  const [focused, setFocused] = useState(false)
  const typing = mentionAt(body, caret)
  const people = useColleagues(focused || body.includes('@'))
  const candidates = typing && people ? mentionCandidates(people.filter((p) => p.id !== me?.id), typing.word) : []

  const send = async () => {
    const text = body.trim()
    if (!text) {
      Taro.showToast({ title: '请填写备注内容', icon: 'none' })
      return
    }
    if (Array.from(text).length > INTERNAL_NOTE_MAX) {
      Taro.showToast({ title: `备注不能超过 ${INTERNAL_NOTE_MAX} 字`, icon: 'none' })
      return
    }
    if (await onSend(text)) {
      setBody('')
      setCaret(0)
    }
  }
  return (
    <View className='zb-card note-card'>
      <Text className='zb-label'>内部备注</Text>
      <Textarea
        className='zb-field note-card__field'
        placeholder='仅同事可见；输入 @ 提到同事，对方会收到提醒'
        value={body}
        maxlength={-1}
        autoHeight
        onFocus={() => setFocused(true)}
        onInput={(e) => {
          setBody(e.detail.value)
          setCaret(typeof e.detail.cursor === 'number' && e.detail.cursor >= 0 ? e.detail.cursor : e.detail.value.length)
        }}
      />
      {candidates.length > 0 ? (
        <View className='note-card__mentions'>
          <Text className='zb-hint'>提到：</Text>
          {candidates.map((c) => (
            <View
              key={c.id}
              className='zb-chip note-card__mention'
              onClick={() => {
                const next = insertMention(body, caret, typing!.start, c.name)
                setBody(next.text)
                setCaret(next.caret)
              }}
            >
              @{c.name}
              {c.department?.name ? <Text className='note-card__dept'>（{c.department.name}）</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
      <View className='zb-actions'>
        <Button block loading={busy} onClick={send}>
          添加备注
        </Button>
      </View>
    </View>
  )
}
NoteCard.displayName = 'NoteCard'
