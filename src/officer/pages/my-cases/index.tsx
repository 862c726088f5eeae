// 我的事例: the outbox (what is still on the phone) on top, then what the server has, with
// the status and the publicity staff's feedback; a returned case can be edited and resubmitted.
import { useCallback, useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { officerMayEdit, type MyCaseView } from '@/domain'
import type { OutboxEntry } from '@/services/outbox'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { Button } from '@/components/ui'
import { StatusTag } from '@/components/status-tag'
import { PhotoGrid } from '@/components/photo-grid'
import { formatTime } from '@/components/format'
import { useLoaded } from '@/components/use-loaded'
import { officerApi } from '@/services/officer-api'
import { CASE_NEW_PAGE, caseEditPage } from '@/services/officer-routes'
import { OutboxList } from '../../components/outbox-list'
import { useOutbox } from '../../components/use-outbox'
import './index.scss'

const NO_CASES: MyCaseView[] = []

function CaseCard({ item }: { item: MyCaseView }) {
  return (
    <View className='zb-card my-cases__item' data-status={item.status}>
      <View className='zb-card__head'>
        <Text className='zb-card__heading my-cases__title'>{item.title}</Text>
        <StatusTag status={item.status} kind='case' />
      </View>
      <Text className='zb-card__text'>{item.body}</Text>
      <Text className='zb-hint'>
        发生于 {formatTime(item.occurredAt)}
        {item.place ? ` · ${item.place.address}` : ''}
      </Text>
      <PhotoGrid photos={item.photos} />
      {item.staffComment ? (
        <View className={`zb-quote ${officerMayEdit(item.status) ? 'zb-quote--danger' : ''}`}>
          <Text className='zb-label'>{item.status === 'archived' ? '存档原因' : '宣传人员反馈'}</Text>
          <Text className='zb-quote__body'>{item.staffComment}</Text>
        </View>
      ) : null}
      {officerMayEdit(item.status) ? (
        <Button
          className='my-cases__edit'
          type='primary'
          block
          onClick={() => void Taro.navigateTo({ url: caseEditPage(item.id) })}
        >
          补充修改后重新提交
        </Button>
      ) : null}
    </View>
  )
}
CaseCard.displayName = 'CaseCard'

/** A delivered entry reads 已提交 only until the server's list below shows the case itself. */
function notListed(entries: readonly OutboxEntry[], items: readonly MyCaseView[]): readonly OutboxEntry[] {
  const listed = new Set(items.map((c) => c.id))
  const listedClientIds = new Set(items.map((c) => c.clientId).filter(Boolean))
  return entries.filter(
    (e) => e.state !== 'submitted' || !((e.caseId && listed.has(e.caseId)) || listedClientIds.has(e.clientId))
  )
}

export default function MyCases() {
  const fetchCases = useCallback(async () => (await officerApi.myCases()).items, [])
  const { data: items, loading, error, retryable, reload: load } = useLoaded(fetchCases, NO_CASES)
  const { outbox, entries } = useOutbox()

  // Back from editing a returned case: show its new status.
  const [shown, setShown] = useState(0)
  useDidShow(() => setShown((n) => n + 1))
  useEffect(() => {
    if (shown > 1) void load()
  }, [shown, load])
  // A case the outbox just delivered belongs in the list below.
  const submitted = entries.filter((e) => e.state === 'submitted').length
  const [seenSubmitted, setSeenSubmitted] = useState(submitted)
  useEffect(() => {
    if (submitted > seenSubmitted) void load()
    setSeenSubmitted(submitted)
  }, [submitted, seenSubmitted, load])

  return (
    <PageShell className='my-cases'>
      <OutboxList outbox={outbox} entries={notListed(entries, items)} />
      <LoadState
        loading={loading}
        error={error}
        empty={items.length === 0}
        emptyText='您还没有报送事例'
        onRetry={retryable ? () => void load() : undefined}
      />
      {error ? null : items.map((c) => <CaseCard key={c.id} item={c} />)}
      <Button className='my-cases__new' type='primary' block onClick={() => void Taro.navigateTo({ url: CASE_NEW_PAGE })}>
        报送事例
      </Button>
    </PageShell>
  )
}
