// 进度看板: the year's publications against the targets — the bureau's pace per type, per month,
// outlet level, focus topic and department — the periodic summary, the xlsx exports, and for
// admins the reminders to departments that are behind.
import { useCallback, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { EmptyState } from '@/components/empty-state'
import { useLoaded } from '@/components/use-loaded'
import { useWide } from '@/components/use-wide'
import { useSessionUser } from '@/components/use-session-user'
import { LEDGER_PAGE } from '@/services/routes'
import { beijingDay, yearOf } from '../../../../domain/deadlines/day'
import { ledgerApi, type DashboardView } from '../../services/ledger-api'
import { PaceCards } from '../../components/pace-cards'
import { PeriodSummary } from '../../components/period-summary'
import { LedgerActions } from '../../components/ledger-actions'
import { YearPicker } from '../../components/year-picker'
import { DepartmentsChart, LevelsChart, MonthsChart, TopicsChart } from './charts'
import './index.scss'

export default function Dashboard() {
  const today = beijingDay(new Date())
  const thisYear = yearOf(today)
  const thisMonth = Number(today.slice(5, 7))
  const [year, setYear] = useState(thisYear)
  const [month, setMonth] = useState<number | null>(null)
  const wide = useWide()
  const isAdmin = useSessionUser()?.roles.includes('admin') ?? false
  const fetch = useCallback(() => ledgerApi.dashboard(year), [year])
  const { data, loading, error, retryable, reload } = useLoaded<DashboardView | null>(fetch, null)
  const view = data && data.year === year ? data : null
  // This year: months up to now; a past year: all twelve.
  const lastMonth = year === thisYear ? thisMonth : 12
  const months = Array.from({ length: lastMonth }, (_, i) => i + 1)
  const pickYear = (y: number) => {
    setYear(y)
    setMonth(null)
  }

  return (
    <PageShell className={`dashboard ${wide ? 'dashboard--wide' : ''}`}>
      <View className='dashboard__head'>
        <Text className='zb-title dashboard__title'>发表进度看板</Text>
        <YearPicker year={year} latest={thisYear} onChange={pickYear} />
      </View>
      <LoadState loading={loading} error={error} empty={!view} emptyText='暂无数据' onRetry={retryable ? () => void reload() : undefined} />
      {view && !error ? (
        view.totals.count === 0 ? (
          <>
            <EmptyState className='dashboard__empty' title={`${year} 年还没有登记发表`} description='稿件在媒体刊发后，在稿件页「登记发表」，这里就会统计进度' />
            {/* Targets still apply to an empty year: the exports and the reminders stay available. */}
            <LedgerActions year={year} month={lastMonth} isAdmin={isAdmin} monthPicker={false} />
          </>
        ) : (
          <>
            <Text className='zb-hint dashboard__as-of'>
              统计截至 {view.asOf}：共 {view.totals.count} 篇，{view.totals.points} 分
            </Text>
            <Text className='dashboard__ledger-link' onClick={() => void Taro.navigateTo({ url: LEDGER_PAGE })}>
              查看发表台账（逐篇明细）›
            </Text>
            <PaceCards view={view} />
            <View className='dashboard__grid'>
              <MonthsChart view={view} lastMonth={lastMonth} />
              <LevelsChart view={view} />
              <TopicsChart view={view} />
              <DepartmentsChart view={view} />
            </View>
            <View className='dashboard__grid'>
              <PeriodSummary year={year} month={month} months={months} onMonth={setMonth} />
              <LedgerActions year={year} month={month ?? lastMonth} isAdmin={isAdmin} monthPicker />
            </View>
          </>
        )
      ) : null}
    </PageShell>
  )
}
