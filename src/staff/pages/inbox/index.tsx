import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text, ScrollView } from '@tarojs/components'
import type { InboxItem, InboxQuery } from '@/domain'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { api, ApiError, showError } from '@/services/api'
import { InboxRow } from './row'
import { KIND_FILTERS, emptyText, statusFilters, type KindFilter, type StatusFilter } from './filters'
import './index.scss'

const PAGE_SIZE = 20

interface Filter {
  kind: KindFilter
  status: StatusFilter
}

function query(f: Filter, cursor?: string): InboxQuery {
  return {
    kind: f.kind === 'all' ? undefined : f.kind,
    // The schema names message statuses only; case statuses are sent as they are (see the chips).
    status: f.status === 'all' ? undefined : (f.status as InboxQuery['status']),
    limit: PAGE_SIZE,
    cursor
  }
}

export default function Inbox() {
  const [filter, setFilter] = useState<Filter>({ kind: 'all', status: 'all' })
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
      const page = await api.inbox(query(f))
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
      const page = await api.inbox(query(filter, nextCursor))
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
      <View className='inbox__kinds'>
        {KIND_FILTERS.map(({ kind, label }) => (
          <View
            key={kind}
            className={`inbox__kind ${kind === filter.kind ? 'inbox__kind--active' : ''}`}
            // Each kind has its own statuses: a new kind starts from 全部.
            onClick={() => kind !== filter.kind && choose({ kind, status: 'all' })}
          >
            {label}
          </View>
        ))}
      </View>
      <ScrollView scrollX className='inbox__filters'>
        {statusFilters(filter.kind).map(({ status, label }) => (
          <View
            key={status}
            className={`zb-chip inbox__filter ${status === filter.status ? 'zb-chip--active' : ''}`}
            onClick={() => choose({ ...filter, status })}
          >
            {label}
          </View>
        ))}
      </ScrollView>
      <LoadState loading={loading} error={error} empty={items.length === 0} emptyText={emptyText(filter.kind)} onRetry={() => void reload(filter)} />
      {error ? null : items.map((item) => <InboxRow key={item.id} item={item} />)}
      {items.length > 0 ? (
        <Text className='zb-hint inbox__more'>{nextCursor ? (loading ? '加载中…' : '上拉加载更多') : '没有更多了'}</Text>
      ) : null}
    </PageShell>
  )
}
