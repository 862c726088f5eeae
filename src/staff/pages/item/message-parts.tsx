import { useState } from 'react'
import Taro from '@tarojs/taro'
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
import { StatusTag } from '@/components/status-tag'
import { formatTime } from '@/components/format'
import { Button, Cell, CellGroup } from '@/components/ui'
import { CannedPicker } from '../../components/canned-picker'
import { PhotoGrid } from '@/components/photo-grid'
import { showError } from '@/services/api'
import { deskApi } from '@/services/desk-api'

const isAction = (a: string): a is MessageAction => a in messageMachine.table

/** The number as staff see it: masked, with 查看完整号码 for the roles that may (each reveal is logged). */
function ContactCell({ detail }: { detail: ItemDetail }) {
  const [full, setFull] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (detail.anonymous) return <Cell title='联系电话' extra='匿名举报，无联系方式' />
  const reveal = async () => {
    setBusy(true)
    try {
      setFull((await deskApi.revealContact(detail.id)).phone)
    } catch (e) {
      showError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Cell
      title='联系电话'
      extra={
        <View className='item__contact'>
          <Text className='item__phone'>{full ?? detail.contactPhone ?? '未留'}</Text>
          {detail.contactRevealable && !full ? (
            <Button className='item__reveal' size='small' loading={busy} onClick={() => void reveal()}>
              查看完整号码
            </Button>
          ) : null}
        </View>
      }
    />
  )
}

export function MessageCard({ detail }: { detail: ItemDetail }) {
  return (
    <View className='zb-card'>
      <View className='zb-card__head'>
        <Text className='zb-card__heading'>{detail.category ? MESSAGE_CATEGORY_LABELS[detail.category] : '留言'}</Text>
        <StatusTag status={detail.status} />
      </View>
      <Text className='zb-card__text item__body'>{detail.body}</Text>
      <CellGroup>
        {detail.trackingCode ? <Cell title='留言码' extra={detail.trackingCode} /> : null}
        {detail.authorName ? <Cell title='留言人' extra={detail.authorName} /> : null}
        <ContactCell key={detail.id} detail={detail} />
        {detail.business ? (
          <Cell title='涉及商家' extra={detail.business.creditCode ? `${detail.business.name}（${detail.business.creditCode}）` : detail.business.name} />
        ) : null}
        {detail.praised ? <Cell title='表扬对象' extra={detail.praised} /> : null}
        {detail.place ? <Cell title='地点' extra={detail.place.lat !== undefined ? `${detail.place.address}（已标记位置）` : detail.place.address} /> : null}
        <Cell title='提交时间' extra={formatTime(detail.createdAt)} />
      </CellGroup>
      {detail.photos.length > 0 ? (
        <View className='item__photos'>
          <Text className='zb-label'>留言照片（{detail.photos.length} 张）</Text>
          <PhotoGrid photos={detail.photos} />
        </View>
      ) : null}
    </View>
  )
}

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

function ReplyForm({ detail, busy, onReply }: { detail: ItemDetail; busy: boolean; onReply: (body: string, action?: MessageAction) => Promise<boolean> }) {
  const [body, setBody] = useState('')
  // A template may name the action it is sent with; one the table does not allow now is ignored.
  const [action, setAction] = useState<MessageAction | undefined>(undefined)
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
    if (await onReply(text, action)) {
      setBody('')
      setAction(undefined)
    }
  }
  return (
    <View className='zb-card'>
      <Text className='zb-label'>答复群众</Text>
      <CannedPicker
        detail={detail}
        onPick={(text, picked) => {
          setBody(text)
          setAction(picked && isAction(picked) && detail.allowedActions.includes(picked) ? picked : undefined)
        }}
      />
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

export interface MessageActionsProps {
  detail: ItemDetail
  busy: boolean
  onAct: (action: MessageAction, reason?: RejectReason) => void
  onReply: (body: string, action?: MessageAction) => Promise<boolean>
}

/** What the transition table lets staff do with a message now. */
export function MessageActions({ detail, busy, onAct, onReply }: MessageActionsProps) {
  const allowed = detail.allowedActions.filter(isAction)
  // The table says which actions are one tap and which need a form: a reason to choose, a text to write.
  const simple = allowed.filter((a) => messageMachine.isOneTap(a))
  const needing = (field: 'reason' | 'body') => allowed.find((a) => messageMachine.requiredInput(a) === field)
  const rejecting = needing('reason')
  const replying = needing('body')
  return (
    <>
      {simple.length > 0 ? (
        <View className='zb-card zb-actions'>
          {simple.map((a) => (
            <Button key={a} type='primary' block loading={busy} onClick={() => onAct(a)}>
              {messageMachine.table[a].label}
            </Button>
          ))}
        </View>
      ) : null}
      {rejecting ? <RejectForm busy={busy} onReject={(reason) => onAct(rejecting, reason)} /> : null}
      {replying ? <ReplyForm detail={detail} busy={busy} onReply={(body, action) => onReply(body, action ?? replying)} /> : null}
    </>
  )
}
