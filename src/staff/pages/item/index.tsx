import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import {
  MESSAGE_CATEGORY_LABELS,
  REJECT_REASONS,
  REJECT_REASON_LABELS,
  REPLY_BODY_MAX,
  messageMachine,
  type ItemDetail,
  type MessageAction,
  type RejectReason
} from '@/domain'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { Timeline } from '@/components/timeline'
import { LoadState } from '@/components/load-state'
import { formatTime } from '@/components/format'
import { Button, Cell, CellGroup } from '@/components/ui'
import { api, ApiError, showError } from '@/services/api'
import './index.scss'

/** Actions done with one tap; reject needs a reason and reply needs text, so they have their own forms. */
const SIMPLE_ACTIONS: readonly MessageAction[] = ['accept', 'start', 'close']

const isAction = (a: string): a is MessageAction => a in messageMachine.table

function RejectForm({ busy, onReject }: { busy: boolean; onReject: (reason: RejectReason) => void }) {
  const [reason, setReason] = useState<RejectReason | null>(null)
  return (
    <View className='zb-card'>
      <Text className='zb-label'>不予受理原因</Text>
      <View className='zb-row'>
        {REJECT_REASONS.map((r) => (
          <View key={r} className={`zb-chip ${r === reason ? 'zb-chip--active' : ''}`} onClick={() => setReason(r)}>
            {REJECT_REASON_LABELS[r]}
          </View>
        ))}
      </View>
      <View className='zb-actions'>
        <Button
          type='danger'
          block
          loading={busy}
          onClick={() => (reason ? onReject(reason) : Taro.showToast({ title: '请选择原因', icon: 'none' }))}
        >
          {messageMachine.table.reject.label}
        </Button>
      </View>
    </View>
  )
}

function ReplyForm({ busy, onReply }: { busy: boolean; onReply: (body: string) => Promise<boolean> }) {
  const [body, setBody] = useState('')
  const send = async () => {
    const text = body.trim()
    if (!text) {
      Taro.showToast({ title: '请填写答复内容', icon: 'none' })
      return
    }
    if (Array.from(text).length > REPLY_BODY_MAX) {
      Taro.showToast({ title: `答复不能超过 ${REPLY_BODY_MAX} 字`, icon: 'none' })
      return
    }
    if (await onReply(text)) setBody('')
  }
  return (
    <View className='zb-card'>
      <Text className='zb-label'>答复群众</Text>
      <Textarea
        className='zb-field item__reply'
        placeholder='答复内容将展示给留言人'
        value={body}
        maxlength={-1}
        autoHeight
        onInput={(e) => setBody(e.detail.value)}
      />
      <View className='zb-actions'>
        <Button type='primary' block loading={busy} onClick={send}>
          发送答复
        </Button>
      </View>
    </View>
  )
}

export default function Item() {
  const id = useRouter().params.id ?? ''
  const [detail, setDetail] = useState<ItemDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    setError(null)
    try {
      setDetail(await api.item(id))
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败')
    }
  }, [id])
  useEffect(() => {
    void load()
  }, [load])

  /** Runs a change; the server answers with the updated item. True when it went through. */
  const change = async (call: () => Promise<ItemDetail>, done: string): Promise<boolean> => {
    setBusy(true)
    try {
      setDetail(await call())
      Taro.showToast({ title: done, icon: 'success' })
      return true
    } catch (e) {
      showError(e)
      // 409: someone else changed it first; show what is true now.
      if (e instanceof ApiError && e.status === 409) void load()
      return false
    } finally {
      setBusy(false)
    }
  }
  const act = (action: MessageAction, reason?: RejectReason) =>
    change(() => api.act(id, reason ? { action, reason } : { action }), messageMachine.table[action].label)

  if (!detail) {
    return (
      <PageShell className='item'>
        <LoadState loading={!error} error={error} empty emptyText='' onRetry={() => void load()} />
      </PageShell>
    )
  }

  const allowed = detail.allowedActions.filter(isAction)
  return (
    <PageShell className='item'>
      <View className='zb-card'>
        <View className='item__head'>
          <Text className='item__category'>{detail.category ? MESSAGE_CATEGORY_LABELS[detail.category] : '典型事例'}</Text>
          <StatusTag status={detail.status} />
        </View>
        <Text className='item__body'>{detail.body}</Text>
        <CellGroup>
          {detail.trackingCode ? <Cell title='留言码' extra={detail.trackingCode} /> : null}
          {detail.authorName ? <Cell title='留言人' extra={detail.authorName} /> : null}
          <Cell title='联系电话' extra={detail.contactPhone ?? '未留'} />
          <Cell title='提交时间' extra={formatTime(detail.createdAt)} />
        </CellGroup>
      </View>

      {allowed.some((a) => SIMPLE_ACTIONS.includes(a)) ? (
        <View className='zb-card zb-actions'>
          {allowed
            .filter((a) => SIMPLE_ACTIONS.includes(a))
            .map((a) => (
              <Button key={a} type='primary' block loading={busy} onClick={() => void act(a)}>
                {messageMachine.table[a].label}
              </Button>
            ))}
        </View>
      ) : null}
      {allowed.includes('reject') ? <RejectForm busy={busy} onReject={(reason) => void act('reject', reason)} /> : null}
      {allowed.includes('reply') ? (
        <ReplyForm busy={busy} onReply={(body) => change(() => api.reply(id, body), '已答复')} />
      ) : null}

      <View className='zb-card'>
        <Text className='zb-label'>办理记录</Text>
        <Timeline events={detail.timeline} showActor />
      </View>
    </PageShell>
  )
}
