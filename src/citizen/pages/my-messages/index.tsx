import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { MESSAGE_CATEGORY_LABELS, type MyMessageView } from '@/domain'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { Timeline } from '@/components/timeline'
import { LoadState } from '@/components/load-state'
import { formatTime } from '@/components/format'
import { api, ApiError } from '@/services/api'
import './index.scss'

function MessageCard({ message }: { message: MyMessageView }) {
  return (
    <View className='zb-card my-messages__item'>
      <View className='my-messages__head'>
        <Text className='my-messages__category'>{MESSAGE_CATEGORY_LABELS[message.category]}</Text>
        <StatusTag status={message.status} />
      </View>
      <Text className='my-messages__body'>{message.body}</Text>
      <Text className='zb-hint'>
        留言码 {message.trackingCode} · {formatTime(message.createdAt)}
      </Text>
      {message.reply ? (
        <View className='my-messages__reply'>
          <Text className='zb-label'>答复</Text>
          <Text className='my-messages__reply-body'>{message.reply.body}</Text>
          <Text className='zb-hint'>{formatTime(message.reply.at)}</Text>
        </View>
      ) : null}
      <Timeline events={message.timeline} />
    </View>
  )
}

export default function MyMessages() {
  const [items, setItems] = useState<MyMessageView[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    setLoading(true)
    setError(null)
    try {
      setItems((await api.myMessages()).items)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败')
    } finally {
      setLoading(false)
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell className='my-messages'>
      <LoadState
        loading={loading}
        error={error}
        empty={items.length === 0}
        emptyText='您还没有留言'
        onRetry={() => void load()}
      />
      {error ? null : items.map((m) => <MessageCard key={m.id} message={m} />)}
    </PageShell>
  )
}
