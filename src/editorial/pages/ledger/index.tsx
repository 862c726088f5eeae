// 发表台账: the year's recorded publications, newest first, filtered by month; each with its
// points, credits and proof. The full year's detail is the annual export (进度看板).
import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { LEDGER_DASHBOARD_PAGE } from '@/services/routes'
import type { PublicationView } from '../../services/publications-api'
import { beijingDay, yearOf } from '../../../../domain/deadlines/day'
import { round2 } from '../../../../domain/ledger/rules'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { ChoiceChips } from '@/components/choice-chips'
import { useLoaded } from '@/components/use-loaded'
import { useWide } from '@/components/use-wide'
import { publicationsApi } from '../../services/publications-api'
import { PublicationCard } from '../../components/publication-card'
import { YearPicker } from '../../components/year-picker'
import './index.scss'

const ALL = 'all'
const MONTHS = [{ value: ALL, label: '全年' }, ...Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1} 月` }))]
const NONE: PublicationView[] = []

export default function Ledger() {
  const thisYear = yearOf(beijingDay(new Date()))
  const [year, setYear] = useState(thisYear)
  const [month, setMonth] = useState<string>(ALL)
  const fetch = useCallback(() => publicationsApi.list({ year, ...(month === ALL ? {} : { month: Number(month) }) }), [year, month])
  const { data, loading, error, retryable, reload } = useLoaded<PublicationView[]>(fetch, NONE)
  const wide = useWide()
  const total = round2(data.reduce((sum, p) => sum + p.points, 0))
  const period = month === ALL ? `${year} 年` : `${year} 年 ${month} 月`

  return (
    <PageShell className={`ledger ${wide ? 'ledger--wide' : ''}`}>
      <View className='zb-card ledger__filters'>
        <YearPicker year={year} latest={thisYear} onChange={setYear} />
        <ChoiceChips className='ledger__months' label='月份' options={MONTHS} selected={[month]} onToggle={setMonth} />
      </View>
      {!loading && !error && data.length ? (
        <View className='ledger__total' role='status'>
          {period}共 {data.length} 篇，{total} 分
        </View>
      ) : null}
      <Text className='ledger__dashboard-link' onClick={() => void Taro.navigateTo({ url: LEDGER_DASHBOARD_PAGE })}>
        进度看板（目标、图表、导出）›
      </Text>
      <LoadState loading={loading} error={error} empty={data.length === 0} emptyText={`${period}还没有登记发表：稿件终审通过后，在稿件页点「登记发表」`} onRetry={retryable ? () => void reload() : undefined} />
      <View className='ledger__list'>
        {data.map((p) => (
          <PublicationCard key={p.id} p={p} linkToDraft />
        ))}
      </View>
    </PageShell>
  )
}
