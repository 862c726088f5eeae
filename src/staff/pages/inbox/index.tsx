import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text, ScrollView } from '@tarojs/components'
import { MESSAGE_CATEGORY_LABELS, MESSAGE_STATUSES, MESSAGE_STATUS_LABELS, type InboxItem, type MessageStatus } from '@/domain'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { LoadState } from '@/components/load-state'
import { formatTime } from '@/components/format'
import { api, ApiError, showError } from '@/services/api'
import { itemPage } from '@/services/routes'
import './index.scss'

const PAGE_SIZE = 20
type Filter = MessageStatus | 'all'
const FILTERS: readonly Filter[] = ['all', ...MESSAGE_STATUSES]
const filterLabel = (f: Filter) => (f === 'all' ? '全部' : MESSAGE_STATUS_LABELS[f])

function Row({ item }: { item: InboxItem }) {
  return (
    <View className='zb-card inbox__row' onClick={() => void Taro.navigateTo({ url: itemPage(item.id) })}>
      <View className='inbox__head'>
        <Text className='inbox__category'>{item.category ? MESSAGE_CATEGORY_LABELS[item.category] : '典型事例'}</Text>
        <StatusTag status={item.status} />
      </View>
      <Text className='inbox__excerpt'>{item.excerpt}</Text>
      <Text className='zb-hint'>{formatTime(item.createdAt)}</Text>
    </View>
  )
}

export default function Inbox() {
  const [filter, setFilter] = useState<Filter>('all')
  const [items, setItems] = useState<InboxItem[]>([])
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  // Ignores answers to a request that a newer one (another filter, a refresh) has replaced.
  const generation = useRef(0)

  const reload = useCallback(async (f: Filter) => {
    const mine = ++generation.current
    setLoading(true)
    setError(null)
    try {
      const page = await api.inbox({ status: f === 'all' ? undefined : f, limit: PAGE_SIZE })
      if (mine !== generation.current) return
      setItems(page.items)
      setNextCursor(page.nextCursor)
    } catch (e) {
      if (mine === generation.current) setError(e instanceof ApiError ? e.message : '加载失败')
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [])

  const loadMore = async () => {
    if (loading || !nextCursor) return
    const mine = generation.current
    setLoading(true)
    try {
      const page = await api.inbox({ status: filter === 'all' ? undefined : filter, limit: PAGE_SIZE, cursor: nextCursor })
      if (mine !== generation.current) return
      setItems((prev) => [...prev, ...page.items])
      setNextCursor(page.nextCursor)
    } catch (e) {
      showError(e)
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }

  // Also on coming back from an item, whose status may have changed.
  useDidShow(() => void reload(filter))
  usePullDownRefresh(() => {
    void reload(filter).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void loadMore())

  const choose = (f: Filter) => {
    setFilter(f)
    setItems([])
    setNextCursor(null)
    void reload(f)
  }

  return (
    <PageShell className='inbox'>
      <ScrollView scrollX className='inbox__filters'>
        {FILTERS.map((f) => (
          <View key={f} className={`zb-chip inbox__filter ${f === filter ? 'zb-chip--active' : ''}`} onClick={() => choose(f)}>
            {filterLabel(f)}
          </View>
        ))}
      </ScrollView>
      <LoadState loading={loading} error={error} empty={items.length === 0} emptyText='暂无留言' onRetry={() => void reload(filter)} />
      {error ? null : items.map((item) => <Row key={item.id} item={item} />)}
      {items.length > 0 ? (
        <Text className='zb-hint inbox__more'>{nextCursor ? (loading ? '加载中…' : '上拉加载更多') : '没有更多了'}</Text>
      ) : null}
    </PageShell>
  )
}
