// 稿件: my drafts, 待我审核 (what waits for my signature) and the bureau's, one tap to open.
import { useCallback, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { DraftSummary } from '@/domain'
import { DRAFT_TYPE_LABELS } from '../../../../domain/draft/types'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { formatTime } from '@/components/format'
import { useLoaded } from '@/components/use-loaded'
import { draftPage, LEDGER_PAGE } from '@/services/routes'
import { editorialApi, type DraftView } from '../../services/editorial-api'
import { DraftStatusTag } from '../../components/draft-status-tag'
import './index.scss'

const TABS: { view: DraftView; label: string; empty: string }[] = [
  { view: 'review', label: '待我审核', empty: '没有等您审核的稿件' },
  { view: 'mine', label: '我的稿件', empty: '您还没有稿件：在已采用的事例上点「写成稿件」' },
  { view: 'all', label: '全部稿件', empty: '本局还没有稿件' }
]
const NONE: DraftSummary[] = []
const isView = (v: string | undefined): v is DraftView => TABS.some((t) => t.view === v)

export function DraftRow({ d }: { d: DraftSummary }) {
  return (
    <View className='zb-card drafts__row' data-draft={d.id} onClick={() => void Taro.navigateTo({ url: draftPage(d.id) })}>
      <View className='zb-card__head'>
        <Text className='zb-card__heading drafts__title'>{d.title}</Text>
        <DraftStatusTag status={d.status} />
      </View>
      <Text className='zb-hint'>
        {DRAFT_TYPE_LABELS[d.type]} · {d.author.name} · {d.department.name} · 第 {d.version} 版 · {formatTime(d.updatedAt)}
      </Text>
    </View>
  )
}
DraftRow.displayName = 'DraftRow'

export default function Drafts() {
  const asked = useRouter().params.view
  const [view, setView] = useState<DraftView>(isView(asked) ? asked : 'review')
  const fetch = useCallback(async () => (await editorialApi.drafts(view)).drafts, [view])
  const { data, loading, error, retryable, reload } = useLoaded(fetch, NONE)
  // Back from a draft (approved, returned): the queue has changed.
  useDidShow(() => void reload())
  const tab = TABS.find((t) => t.view === view)!
  return (
    <PageShell className='drafts'>
      <View className='zb-row drafts__tabs' role='tablist'>
        {TABS.map((t) => (
          <View key={t.view} role='tab' aria-selected={t.view === view} className={`zb-chip drafts__tab ${t.view === view ? 'zb-chip--active' : ''}`} onClick={() => setView(t.view)}>
            {t.label}
          </View>
        ))}
      </View>
      <Text className='drafts__ledger' onClick={() => void Taro.navigateTo({ url: LEDGER_PAGE })}>
        发表台账 ›
      </Text>
      <LoadState loading={loading} error={error} empty={!data.length} emptyText={tab.empty} onRetry={retryable ? () => void reload() : undefined} />
      <View className='drafts__list'>
        {data.map((d) => (
          <DraftRow key={d.id} d={d} />
        ))}
      </View>
    </PageShell>
  )
}
