import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { BOARD_STATUSES, BOARD_STATUS_LABELS, type BoardStatus } from '../../../../domain/board/state-machine'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { Button } from '@/components/ui'
import { useLoaded } from '@/components/use-loaded'
import { ApiError } from '@/services/api'
import { boardApi, type BoardProposalView } from '@/services/board-api'
import { ProposalCard } from './proposal-card'
import './index.scss'

interface Page {
  items: BoardProposalView[]
  nextCursor: string | null
}
const NONE: Page = { items: [], nextCursor: null }

/** 选登审核: proposals waiting for a reviewer first; published, declined and withdrawn entries one tap away. */
export default function BoardReview() {
  const [status, setStatus] = useState<BoardStatus>(BOARD_STATUSES[0])
  const [more, setMore] = useState(false)
  const fetchList = useCallback(() => boardApi.proposals(status), [status])
  const { data, loading, error, retryable, reload, setData } = useLoaded<Page>(fetchList, NONE)
  const loadMore = async () => {
    if (!data.nextCursor) return
    setMore(true)
    try {
      const next = await boardApi.proposals(status, data.nextCursor)
      setData({ items: [...data.items, ...next.items], nextCursor: next.nextCursor })
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '加载失败', icon: 'none' })
    } finally {
      setMore(false)
    }
  }
  return (
    <PageShell className='board-review'>
      <View className='board-review__tabs' role='tablist'>
        {BOARD_STATUSES.map((s) => (
          <View key={s} role='tab' aria-selected={s === status} className={`zb-chip board-review__tab ${s === status ? 'zb-chip--active' : ''}`} onClick={() => setStatus(s)}>
            {BOARD_STATUS_LABELS[s]}
          </View>
        ))}
      </View>
      <LoadState loading={loading} error={error} empty={data.items.length === 0} emptyText={`没有「${BOARD_STATUS_LABELS[status]}」的选登`} onRetry={retryable ? () => void reload() : undefined} />
      {error
        ? null
        : data.items.map((e) => (
            <ProposalCard
              key={e.id}
              entry={e}
              onStale={() => void reload()}
              // A decided entry leaves this tab's list; a saved correction replaces it in place.
              onChanged={(next) =>
                setData({ ...data, items: next.status === status ? data.items.map((x) => (x.id === next.id ? next : x)) : data.items.filter((x) => x.id !== next.id) })
              }
            />
          ))}
      {data.nextCursor && !error ? (
        <Button block loading={more} disabled={more} onClick={() => void loadMore()}>
          加载更多
        </Button>
      ) : null}
    </PageShell>
  )
}
