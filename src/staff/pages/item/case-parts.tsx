import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import { caseMachine, type CaseAction, type ItemDetail } from '@/domain'
import { StatusTag } from '@/components/status-tag'
import { PhotoGrid } from '@/components/photo-grid'
import { formatTime } from '@/components/format'
import { Button, Cell, CellGroup } from '@/components/ui'
import { PublicNoteHint } from '@/staff/components/public-note'

/** ActionBody's `note` limit (domain/schemas/item.ts). */
const NOTE_MAX = 500
/** Done with one tap. `return` needs a note; `use` / `publish` belong to the drafts flow, not here. */
const ONE_TAP: readonly CaseAction[] = ['accept', 'archive']

const isAction = (a: string): a is CaseAction => a in caseMachine.table
const coord = (n: number) => n.toFixed(5)

export function CaseCard({ detail }: { detail: ItemDetail }) {
  const { place } = detail
  return (
    <View className='zb-card'>
      <View className='zb-card__head'>
        <Text className='zb-card__heading'>典型事例</Text>
        <StatusTag status={detail.status} kind='case' />
      </View>
      {detail.title ? <Text className='item__title'>{detail.title}</Text> : null}
      <Text className='zb-card__text item__body'>{detail.body}</Text>
      <CellGroup>
        {detail.occurredAt ? <Cell title='发生时间' extra={formatTime(detail.occurredAt)} /> : null}
        {place ? (
          <Cell
            title='地点'
            extra={
              <View className='item__place'>
                <Text className='item__address'>{place.address}</Text>
                {place.lat !== undefined && place.lng !== undefined ? (
                  <Text className='zb-hint item__coords'>
                    {coord(place.lat)}, {coord(place.lng)}
                  </Text>
                ) : null}
              </View>
            }
          />
        ) : null}
        <Cell title='所属部门' extra={detail.departmentName ?? '未填'} />
        {detail.authorName ? <Cell title='报送人' extra={detail.authorName} /> : null}
        <Cell title='提交时间' extra={formatTime(detail.createdAt)} />
      </CellGroup>
      {detail.photos.length > 0 ? (
        <View className='item__photos'>
          <Text className='zb-label'>现场照片（{detail.photos.length} 张）</Text>
          <PhotoGrid photos={detail.photos} />
        </View>
      ) : null}
    </View>
  )
}

/** Returning asks the officer for more: the note is what they will read, so it is required. */
function ReturnForm({ busy, onReturn }: { busy: boolean; onReturn: (note: string) => Promise<boolean> }) {
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const send = async () => {
    const text = note.trim()
    if (!text) return setError('请写明需要补充的内容')
    if (Array.from(text).length > NOTE_MAX) return setError(`说明不能超过 ${NOTE_MAX} 字`)
    setError(null)
    if (await onReturn(text)) setNote('')
  }
  return (
    <View className='zb-card item__return'>
      <Text className='zb-label'>{caseMachine.table.return.label}</Text>
      <PublicNoteHint audience='报送人' />
      <Textarea
        className='zb-field item__note'
        placeholder='需要补充什么？这段说明会发给报送人'
        value={note}
        maxlength={-1}
        autoHeight
        onInput={(e) => {
          setNote(e.detail.value)
          if (error) setError(null)
        }}
      />
      {error ? <Text className='zb-error'>{error}</Text> : null}
      <View className='zb-actions'>
        <Button type='warning' block loading={busy} onClick={() => void send()}>
          {caseMachine.table.return.label}
        </Button>
      </View>
    </View>
  )
}

export interface CaseActionsProps {
  detail: ItemDetail
  busy: boolean
  onAct: (action: CaseAction, note?: string) => Promise<boolean>
}

/** What the case's transition table lets staff do now. */
export function CaseActions({ detail, busy, onAct }: CaseActionsProps) {
  const allowed = detail.allowedActions.filter(isAction)
  const oneTap = ONE_TAP.filter((a) => allowed.includes(a))
  return (
    <>
      {oneTap.length > 0 ? (
        <View className='zb-card zb-actions'>
          {oneTap.map((a) => (
            <Button key={a} type={a === 'accept' ? 'primary' : 'default'} block loading={busy} onClick={() => void onAct(a)}>
              {caseMachine.table[a].label}
            </Button>
          ))}
        </View>
      ) : null}
      {allowed.includes('return') ? <ReturnForm busy={busy} onReturn={(note) => onAct('return', note)} /> : null}
    </>
  )
}
