import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { MESSAGE_CATEGORY_LABELS, MESSAGE_STATUS_BUCKET, messageMachine, RATINGS, ratingAction, type MyMessageView } from '@/domain'
import { Button } from '@/components/ui'
import { useSessionUser } from '@/components/use-session-user'
import { markSeen } from '@/services/progress-seen'
import { askSubscribe, CAN_SUBSCRIBE } from '@/services/subscribe'
import { showError } from '@/services/api'
import { RatingPanel } from './rating-panel'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { Timeline } from '@/components/timeline'
import { LoadState } from '@/components/load-state'
import { formatTime } from '@/components/format'
import { useLoaded } from '@/components/use-loaded'
import { citizenApi } from '@/services/citizen-api'
import { MergedNote } from './merged-note'
import { ModerationNote } from '@/components/moderation-note'
import './index.scss'

const NO_MESSAGES: MyMessageView[] = []

/** Where the rating form shows: where the table lets the author take a rating action. */
const RATING_ACTIONS = new Set(RATINGS.map(ratingAction))
const canRate = (m: MyMessageView) => messageMachine.allowed(m.status, ['citizen']).some((a) => RATING_ACTIONS.has(a))

interface CardProps {
  message: MyMessageView
  templateIds: string[]
  onChanged: () => void
}

function MessageCard({ message, templateIds, onChanged }: CardProps) {
  // 接收办理进度通知: WeChat asks only on a tap, so the request is the handler's first step.
  const subscribe = async () => {
    const accepted = await askSubscribe(templateIds)
    if (!accepted.length) return
    try {
      await citizenApi.recordSubscriptions(message.id, accepted)
      void Taro.showToast({ title: '已开启办理进度通知', icon: 'none' })
    } catch (e) {
      showError(e)
    }
  }
  const open = MESSAGE_STATUS_BUCKET[message.status] !== 'closed'
  return (
    <View className='zb-card my-messages__item'>
      <View className='zb-card__head'>
        <Text className='zb-card__heading'>{MESSAGE_CATEGORY_LABELS[message.category]}</Text>
        <StatusTag status={message.status} />
      </View>
      <ModerationNote moderation={message.moderation} />
      <Text className='zb-card__text'>{message.body}</Text>
      <Text className='zb-hint'>
        留言码 {message.trackingCode} · {formatTime(message.createdAt)}
      </Text>
      {message.reply ? (
        <View className='zb-quote'>
          <Text className='zb-label'>答复</Text>
          <Text className='zb-quote__body'>{message.reply.body}</Text>
          <Text className='zb-hint'>{formatTime(message.reply.at)}</Text>
        </View>
      ) : null}
      {message.mergedInto ? <MergedNote into={message.mergedInto} /> : null}
      {canRate(message) ? <RatingPanel messageId={message.id} onRated={onChanged} /> : null}
      <Timeline events={message.timeline} />
      {open && CAN_SUBSCRIBE && templateIds.length ? (
        <Button className='my-messages__subscribe' fill='none' block onClick={() => void subscribe()}>
          接收办理进度通知
        </Button>
      ) : null}
    </View>
  )
}

export default function MyMessages() {
  const fetchMessages = useCallback(async () => (await citizenApi.myMessages()).items, [])
  const { data: items, loading, error, retryable, reload: load } = useLoaded(fetchMessages, NO_MESSAGES)
  const user = useSessionUser()
  const [templateIds, setTemplateIds] = useState<string[]>([])
  useEffect(() => {
    if (!CAN_SUBSCRIBE) return
    citizenApi.subscribeTemplates().then((r) => setTemplateIds(r.templates.map((t) => t.id)), () => setTemplateIds([]))
  }, [])
  // Seen once shown: the home page counts what changes after this.
  useEffect(() => {
    if (user && !loading && !error) markSeen(user.id)
  }, [user, loading, error, items])
  const changed = async () => {
    await load()
    if (user) markSeen(user.id)
  }

  return (
    <PageShell className='my-messages'>
      <LoadState
        loading={loading}
        error={error}
        empty={items.length === 0}
        emptyText='您还没有留言'
        onRetry={retryable ? () => void load() : undefined}
      />
      {error ? null : items.map((m) => <MessageCard key={m.id} message={m} templateIds={templateIds} onChanged={() => void changed()} />)}
    </PageShell>
  )
}
