import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import type { DraftDetail } from '@/domain'
import { Button } from '@/components/ui'
import { formatTime } from '@/components/format'
import { DRAFT_FLAG_KIND_LABELS } from '../../../domain/draft/flags'
import { STAGE_APPROVE_ACTION, isReviewStage } from '../../../domain/draft/state-machine'
import './review-panel.scss'

export interface ReviewPanelProps {
  draft: DraftDetail
  busy: boolean
  error: string | null
  onAction: (action: DraftDetail['allowedActions'][number]['action'], inputs: { note?: string; reason?: string }) => void
  onAcknowledge: (flagId: string, note: string) => void
  onSheet: () => void
}

/**
 * The review side of a draft: the 三审 signatures so far, the pre-publication flags (each to be
 * edited away or acknowledged with a note), and the actions the table lets me take now, with the
 * comment a return needs.
 */
export function ReviewPanel({ draft, busy, error, onAction, onAcknowledge, onSheet }: ReviewPanelProps) {
  const [note, setNote] = useState('')
  const [ackNote, setAckNote] = useState<Record<string, string>>({})
  const canAcknowledge = isReviewStage(draft.status) && draft.allowedActions.length > 0
  return (
    <View className='review-panel'>
      <View className='zb-card review-panel__signatures'>
        <Text className='zb-label'>三审签署</Text>
        {draft.signatures.map((s) => (
          <View key={s.stage} className='review-panel__signature' data-stage={s.stage}>
            <Text className='review-panel__stage'>{s.label}</Text>
            <Text className={s.signer ? 'review-panel__signer' : 'zb-hint'}>{s.signer ? `${s.signer.name} · ${formatTime(s.at!)}` : draft.reviewers.find((r) => r.stage === s.stage)?.people.map((p) => p.name).join('、') || '未配置审核人'}</Text>
            {s.comment ? <Text className='zb-hint review-panel__comment'>意见：{s.comment}</Text> : null}
          </View>
        ))}
        <Text className='review-panel__link' onClick={onSheet}>
          打印稿件审批表
        </Text>
      </View>

      <View className='zb-card review-panel__flags'>
        <Text className='zb-label'>发布前检查{draft.openFlags ? `（${draft.openFlags} 项待处理）` : ''}</Text>
        {draft.flags.length === 0 ? <Text className='zb-hint'>未发现个人信息、不规范表述或与事例不符的数字。</Text> : null}
        {draft.flags.map((f) => (
          <View key={f.id} className={`review-panel__flag ${f.acknowledged ? 'review-panel__flag--done' : ''}`} data-flag={f.kind}>
            <Text className='review-panel__flag-kind'>{DRAFT_FLAG_KIND_LABELS[f.kind]}</Text>
            <Text className='review-panel__flag-text'>{f.message}</Text>
            {f.suggestion ? <Text className='zb-hint'>建议改为：{f.suggestion}</Text> : null}
            {f.acknowledged ? (
              <Text className='zb-hint'>
                已确认：{f.acknowledged.by.name} · {formatTime(f.acknowledged.at)} · {f.acknowledged.note}
              </Text>
            ) : canAcknowledge ? (
              <View className='review-panel__ack'>
                <Textarea className='zb-field review-panel__ack-note' placeholder='确认说明（如：已与事例核实）' value={ackNote[f.id] ?? ''} maxlength={-1} autoHeight onInput={(e) => setAckNote((m) => ({ ...m, [f.id]: e.detail.value }))} />
                <Button size='small' className='review-panel__ack-button' disabled={busy || !(ackNote[f.id] ?? '').trim()} onClick={() => onAcknowledge(f.id, (ackNote[f.id] ?? '').trim())}>
                  确认此项
                </Button>
              </View>
            ) : null}
          </View>
        ))}
      </View>

      {draft.allowedActions.length ? (
        <View className='zb-card review-panel__actions'>
          <Text className='zb-label'>{isReviewStage(draft.status) ? '审核意见' : '说明'}</Text>
          <Textarea className='zb-field review-panel__note' placeholder={isReviewStage(draft.status) ? '通过时可填写意见；退回时必须写明修改意见' : '可选'} value={note} maxlength={-1} autoHeight onInput={(e) => setNote(e.detail.value)} />
          {draft.openFlags > 0 && draft.allowedActions.some((a) => a.action === STAGE_APPROVE_ACTION.final_review) ? (
            <Text className='zb-hint review-panel__blocked'>终审前请逐项修改或确认上面的 {draft.openFlags} 项发布前检查提示。</Text>
          ) : null}
          {error ? <Text className='zb-error review-panel__error'>{error}</Text> : null}
          <View className='review-panel__buttons'>
            {draft.allowedActions.map((a) => (
              <Button
                key={a.action}
                className={`review-panel__action review-panel__action--${a.action}`}
                type={a.needs ? 'default' : 'primary'}
                disabled={busy || (a.needs !== null && !note.trim())}
                onClick={() => onAction(a.action, note.trim() ? { [a.needs ?? 'note']: note.trim() } : {})}
              >
                {a.label}
              </Button>
            ))}
          </View>
        </View>
      ) : error ? (
        <Text className='zb-error review-panel__error'>{error}</Text>
      ) : null}
    </View>
  )
}
ReviewPanel.displayName = 'ReviewPanel'
