import { useCallback } from 'react'
import { View, Text } from '@tarojs/components'
import { MESSAGE_CATEGORY_LABELS, type MyMessageView } from '@/domain'
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

function MessageCard({ message }: { message: MyMessageView }) {
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
      <Timeline events={message.timeline} />
    </View>
  )
}

export default function MyMessages() {
  const fetchMessages = useCallback(async () => (await citizenApi.myMessages()).items, [])
  const { data: items, loading, error, retryable, reload: load } = useLoaded(fetchMessages, NO_MESSAGES)

  return (
    <PageShell className='my-messages'>
      <LoadState
        loading={loading}
        error={error}
        empty={items.length === 0}
        emptyText='您还没有留言'
        onRetry={retryable ? () => void load() : undefined}
      />
      {error ? null : items.map((m) => <MessageCard key={m.id} message={m} />)}
    </PageShell>
  )
}
