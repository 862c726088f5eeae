import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import { ACCEPT_ACTION, caseMachine, ACTION_NOTE_MAX as NOTE_MAX, type CaseAction, type ItemDetail } from '@/domain'
import { StatusTag } from '@/components/status-tag'
import { PhotoGrid } from '@/components/photo-grid'
import { formatTime } from '@/components/format'
import { Button, Cell, CellGroup } from '@/components/ui'
import { PublicNoteHint } from '@/staff/components/public-note'


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

/** What a note-taking action asks for: the note goes to the officer, so it is required. */
interface NoteCopy {
  placeholder: string
  missing: string
  /** Said above the field before the action is taken, when the action cannot be undone. */
  warning?: string
  confirm: string
}
const NOTE_COPY: Partial<Record<CaseAction, NoteCopy>> = {
  return: { placeholder: '需要补充什么？这段说明会发给报送人', missing: '请写明需要补充的内容', confirm: caseMachine.table.return.label },
  archive: {
    placeholder: '为什么存档？如：内容与已采用的事例重复。这段说明会发给报送人',
    missing: '请写明存档原因',
    warning: '存档后这条事例不再处理，报送人会看到原因。',
    confirm: '确认存档'
  }
}

/** Returning or archiving a case: both are explained to the officer, so the note is required. */
function NoteForm({
  action,
  busy,
  onSend,
  onCancel
}: {
  action: CaseAction
  busy: boolean
  onSend: (note: string) => Promise<boolean>
  onCancel?: () => void
}) {
  const copy = NOTE_COPY[action] as NoteCopy
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const send = async () => {
    const text = note.trim()
    if (!text) return setError(copy.missing)
    if (Array.from(text).length > NOTE_MAX) return setError(`说明不能超过 ${NOTE_MAX} 字`)
    setError(null)
    if (await onSend(text)) setNote('')
  }
  return (
    <View className={`zb-card item__${action}`}>
      <Text className='zb-label'>{caseMachine.table[action].label}</Text>
      {copy.warning ? <Text className='zb-hint item__warning'>{copy.warning}</Text> : null}
      <PublicNoteHint audience='报送人' />
      <Textarea
        className='zb-field item__note'
        placeholder={copy.placeholder}
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
          {copy.confirm}
        </Button>
        {onCancel ? (
          <Button block disabled={busy} onClick={onCancel}>
            取消
          </Button>
        ) : null}
      </View>
    </View>
  )
}

export interface CaseActionsProps {
  detail: ItemDetail
  busy: boolean
  onAct: (action: CaseAction, note?: string) => Promise<boolean>
}

/**
 * What the case's transition table lets staff do now: one tap, or a note the table requires.
 * A note that ends the case (archive) waits behind its button, so ending one is never a single
 * tap; one that keeps it open (return) is offered right away.
 */
export function CaseActions({ detail, busy, onAct }: CaseActionsProps) {
  const allowed = detail.allowedActions.filter(isAction)
  // One tap unless the table asks for a note or the action belongs to the drafts flow.
  const oneTap = allowed.filter((a) => caseMachine.isOneTap(a))
  const withNote = allowed.filter((a) => !caseMachine.table[a].via && caseMachine.requiredInput(a) === 'note')
  const ends = (a: CaseAction) => caseMachine.buckets[caseMachine.table[a].to] === 'closed'
  const [confirming, setConfirming] = useState<CaseAction | null>(null)
  const behindButton = withNote.filter((a) => ends(a) && confirming !== a)
  return (
    <>
      {oneTap.length > 0 || behindButton.length > 0 ? (
        <View className='zb-card zb-actions'>
          {oneTap.map((a) => (
            <Button key={a} type={a === ACCEPT_ACTION ? 'primary' : 'default'} block loading={busy} onClick={() => void onAct(a)}>
              {caseMachine.table[a].label}
            </Button>
          ))}
          {behindButton.map((a) => (
            <Button key={a} block disabled={busy} onClick={() => setConfirming(a)}>
              {caseMachine.table[a].label}
            </Button>
          ))}
        </View>
      ) : null}
      {withNote
        .filter((a) => !ends(a) || confirming === a)
        .map((a) => (
          <NoteForm key={a} action={a} busy={busy} onSend={(note) => onAct(a, note)} onCancel={ends(a) ? () => setConfirming(null) : undefined} />
        ))}
    </>
  )
}
