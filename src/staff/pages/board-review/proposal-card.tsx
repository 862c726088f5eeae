import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { BOARD_APPROVE, BOARD_DECLINE, BOARD_EDIT, BOARD_STATUS_LABELS, BOARD_WITHDRAW, boardMachine, type BoardAction } from '../../../../domain/board/state-machine'
import { MESSAGE_CATEGORY_LABELS } from '../../../../domain/message/categories'
import { formatTime } from '@/components/format'
import { CountedField } from '@/components/counted-field'
import { Button } from '@/components/ui'
import { ApiError } from '@/services/api'
import { boardApi, type BoardProposalView } from '@/services/board-api'
import { itemPage } from '@/services/routes'
import { ACTION_NOTE_MAX } from '../../../../domain/limits'
import { MaskedEditor, type MaskedValue } from '../../components/masked-editor'

const choices = (v: MaskedValue) => ({ text: v.text, spans: v.spans.map(({ start, end, kind }) => ({ start, end, kind })) })
/** Actions the table says need a reason: they open the reason field first. */
const REASON_ACTIONS: BoardAction[] = boardMachine.actions.filter((a) => boardMachine.table[a].inputs?.reason?.required)

export interface ProposalCardProps {
  entry: BoardProposalView
  onChanged: (entry: BoardProposalView) => void
  /** Someone changed the entry meanwhile (409): the list reloads, so the reviewer reads what is current. */
  onStale: () => void
}

/** One proposal: the public text as it will be shown, with the masked pieces marked, and what the reader may do. */
export function ProposalCard({ entry, onChanged, onStale }: ProposalCardProps) {
  const [question, setQuestion] = useState<MaskedValue>(entry.question)
  const [answer, setAnswer] = useState<MaskedValue>(entry.answer)
  const [dirty, setDirty] = useState(false)
  const [busy, setBusy] = useState(false)
  const [asking, setAsking] = useState<BoardAction | null>(null)
  const [reason, setReason] = useState('')
  useEffect(() => {
    setQuestion(entry.question)
    setAnswer(entry.answer)
    setDirty(false)
  }, [entry.id, entry.version])

  const can = (a: BoardAction) => entry.allowedActions.includes(a)
  const run = async (call: () => Promise<BoardProposalView>, done: string) => {
    setBusy(true)
    try {
      onChanged(await call())
      setAsking(null)
      setReason('')
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '操作失败', icon: 'none', duration: 3000 })
      if (e instanceof ApiError && e.status === 409) onStale()
    } finally {
      setBusy(false)
    }
  }
  const editable = can(BOARD_EDIT)
  const edit = (set: (v: MaskedValue) => void) => (v: MaskedValue) => {
    set(v)
    setDirty(true)
  }

  return (
    <View className='zb-card proposal-card'>
      <View className='zb-card__head'>
        <Text className='zb-card__heading'>
          {MESSAGE_CATEGORY_LABELS[entry.category]} · 留言码 {entry.trackingCode}
        </Text>
        <Text className={`proposal-card__status proposal-card__status--${entry.status}`}>{BOARD_STATUS_LABELS[entry.status]}</Text>
      </View>
      <Text className='zb-hint proposal-card__meta'>
        {entry.proposedBy?.name ?? ''} 提议于 {formatTime(entry.proposedAt)} · 第 {entry.version} 版
        {entry.decidedBy && entry.decidedAt ? ` · ${entry.decidedBy.name} 审核于 ${formatTime(entry.decidedAt)}` : ''}
        {entry.withdrawnBy && entry.withdrawnAt ? ` · ${entry.withdrawnBy.name} 撤下于 ${formatTime(entry.withdrawnAt)}` : ''}
      </Text>
      {entry.reason ? <Text className='zb-hint proposal-card__meta'>原因：{entry.reason}</Text> : null}
      <MaskedEditor label='公开的留言' value={question} onChange={editable ? edit(setQuestion) : undefined} />
      <MaskedEditor label='公开的答复' value={answer} onChange={editable ? edit(setAnswer) : undefined} />
      {asking ? (
        <>
          <CountedField label={`${boardMachine.table[asking].label}的原因`} value={reason} max={ACTION_NOTE_MAX} kind='textarea' onInput={setReason} />
          <View className='zb-row'>
            <Button type='primary' disabled={busy || !reason.trim()} loading={busy} onClick={() => void run(() => (asking === BOARD_DECLINE ? boardApi.decline(entry.id, reason) : boardApi.withdraw(entry.id, reason)), '已处理')}>
              确认{boardMachine.table[asking].label}
            </Button>
            <Button disabled={busy} onClick={() => setAsking(null)}>
              取消
            </Button>
          </View>
        </>
      ) : (
        <View className='zb-row proposal-card__actions'>
          {editable && dirty ? (
            <Button type='primary' disabled={busy} loading={busy} onClick={() => void run(() => boardApi.edit(entry.id, { version: entry.version, question: choices(question), answer: choices(answer) }), '已保存')}>
              保存修改
            </Button>
          ) : null}
          {can(BOARD_APPROVE) ? (
            // The approval names the version shown; unsaved corrections must be saved (and seen) first.
            <Button type='primary' disabled={busy || dirty} onClick={() => void run(() => boardApi.approve(entry.id, entry.version), '已批准选登')}>
              {boardMachine.table[BOARD_APPROVE].label}
            </Button>
          ) : null}
          {REASON_ACTIONS.filter(can).map((a) => (
            <Button key={a} type={a === BOARD_WITHDRAW ? 'danger' : 'default'} disabled={busy} onClick={() => setAsking(a)}>
              {boardMachine.table[a].label}
            </Button>
          ))}
          <Button disabled={busy} onClick={() => void Taro.navigateTo({ url: itemPage(entry.itemId) })}>
            查看留言
          </Button>
        </View>
      )}
      {entry.status === boardMachine.initial.status && !can(BOARD_APPROVE) ? <Text className='zb-hint'>批准须由提议人以外的审核人进行</Text> : null}
    </View>
  )
}
ProposalCard.displayName = 'ProposalCard'
