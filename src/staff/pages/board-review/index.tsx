import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import { BOARD_STATUSES, BOARD_STATUS_LABELS, type BoardStatus } from '../../../../domain/board/state-machine'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { useLoaded } from '@/components/use-loaded'
import { boardApi, type BoardProposalView } from '@/services/board-api'
import { ProposalCard } from './proposal-card'
import './index.scss'

const NONE: BoardProposalView[] = []

/** 选登审核: proposals waiting for a reviewer first; published, declined and withdrawn entries one tap away. */
export default function BoardReview() {
  const [status, setStatus] = useState<BoardStatus>(BOARD_STATUSES[0])
  const fetchList = useCallback(async () => (await boardApi.proposals(status)).items, [status])
  const { data, loading, error, retryable, reload, setData } = useLoaded(fetchList, NONE)
  return (
    <PageShell className='board-review'>
      <View className='board-review__tabs' role='tablist'>
        {BOARD_STATUSES.map((s) => (
          <View key={s} role='tab' aria-selected={s === status} className={`zb-chip board-review__tab ${s === status ? 'zb-chip--active' : ''}`} onClick={() => setStatus(s)}>
            {BOARD_STATUS_LABELS[s]}
          </View>
        ))}
      </View>
      <LoadState loading={loading} error={error} empty={data.length === 0} emptyText={`没有「${BOARD_STATUS_LABELS[status]}」的选登`} onRetry={retryable ? () => void reload() : undefined} />
      {error
        ? null
        : data.map((e) => (
            <ProposalCard
              key={e.id}
              entry={e}
              // A decided entry leaves this tab's list; a saved correction replaces it in place.
              onChanged={(next) => setData(next.status === status ? data.map((x) => (x.id === next.id ? next : x)) : data.filter((x) => x.id !== next.id))}
            />
          ))}
    </PageShell>
  )
}
