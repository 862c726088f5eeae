// 定期总结分析: one month or the whole year — counts, points, front-line share, topics covered
// and missed, the average days from a case to its publication.
import { useCallback } from 'react'
import { View, Text } from '@tarojs/components'
import { LoadState } from '@/components/load-state'
import { useLoaded } from '@/components/use-loaded'
import { LEDGER_TYPES, LEDGER_TYPE_LABELS } from '../../../domain/ledger/vocabulary'
import { ledgerApi, type SummaryView } from '../services/ledger-api'
import { formatFigure } from './chart-format'

export interface PeriodSummaryProps {
  year: number
  /** null: the whole year. */
  month: number | null
  /** The months that can be chosen (this year: up to the current one). */
  months: number[]
  onMonth: (month: number | null) => void
}

function Figures({ s }: { s: SummaryView }) {
  const period = s.month ? `${s.year} 年 ${s.month} 月` : `${s.year} 年全年`
  return (
    <View className='dashboard__summary-body' aria-label={`${period}总结`}>
      <Text className='dashboard__summary-lead'>
        {period}共发表 {s.count} 篇，得分 {formatFigure(s.points)} 分
      </Text>
      <Text className='dashboard__summary-line'>{LEDGER_TYPES.map((t) => `${LEDGER_TYPE_LABELS[t]} ${formatFigure(s.byType[t].count)} 篇`).join('，')}</Text>
      <Text className='dashboard__summary-line'>
        来自一线事例 {s.frontLine.count} 篇，占 {Math.round(s.frontLine.share * 100)}%
      </Text>
      <Text className='dashboard__summary-line'>
        事例报送到发表平均 {s.avgDaysCaseToPublication === null ? '—（本期没有来自事例的稿件）' : `${formatFigure(s.avgDaysCaseToPublication)} 天`}
      </Text>
      <Text className='dashboard__summary-line'>
        已覆盖的重点主题：{s.topicsCovered.length ? s.topicsCovered.map((t) => `${t.topic}（${t.count} 篇）`).join('、') : '无'}
      </Text>
      {s.topicsMissed.length ? (
        <Text className='dashboard__summary-line dashboard__summary-missed'>尚未覆盖的重点主题：{s.topicsMissed.join('、')}</Text>
      ) : (
        <Text className='dashboard__summary-line'>本期重点主题均已覆盖</Text>
      )}
    </View>
  )
}

export function PeriodSummary({ year, month, months, onMonth }: PeriodSummaryProps) {
  const fetch = useCallback(() => ledgerApi.summary(year, month), [year, month])
  const { data, loading, error, retryable, reload } = useLoaded<SummaryView | null>(fetch, null)
  const shown = data && data.year === year && data.month === month ? data : null
  return (
    <View className='zb-card dashboard__summary'>
      <Text className='zb-card__heading'>定期总结分析</Text>
      <View className='zb-row dashboard__months' role='tablist' aria-label='总结的期间'>
        {[null, ...months].map((m) => (
          <View key={m ?? 'year'} role='tab' aria-selected={m === month} className={`zb-chip dashboard__month ${m === month ? 'zb-chip--active' : ''}`} onClick={() => onMonth(m)}>
            {m === null ? '全年' : `${m}月`}
          </View>
        ))}
      </View>
      <LoadState loading={loading} error={error} empty={!shown} emptyText='暂无总结' onRetry={retryable ? () => void reload() : undefined} />
      {shown && !error ? <Figures s={shown} /> : null}
    </View>
  )
}
PeriodSummary.displayName = 'PeriodSummary'
