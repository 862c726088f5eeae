import { useCallback, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { SatisfactionReport } from '@/domain'
import { PageShell } from '@/components/page-shell'
import { Button } from '@/components/ui'
import { LoadState } from '@/components/load-state'
import { useLoaded } from '@/components/use-loaded'
import { request } from '@/services/api'
import './index.scss'

type Counts = SatisfactionReport['total']
const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
const rate = (c: Counts) => (c.satisfactionRate === null ? '—' : `${c.satisfactionRate}%`)

function CountsLine({ c }: { c: Counts }) {
  return (
    <Text className='zb-hint satisfaction__counts'>
      满意 {c.satisfied} · 基本满意 {c.basicallySatisfied} · 不满意 {c.dissatisfied} · 逾期未评价 {c.unrated}
    </Text>
  )
}

/**
 * 满意度: the citizens' ratings per month and department (GET /api/reports/satisfaction), for
 * everyone who works the inbox. Unrated closings are counted apart, not as satisfied.
 */
export default function Satisfaction() {
  const [year, setYear] = useState(thisYear)
  const fetchReport = useCallback(() => request<SatisfactionReport>('/api/reports/satisfaction', { query: { year } }), [year])
  const { data, loading, error, retryable, reload } = useLoaded<SatisfactionReport | null>(fetchReport, null)
  const rows = data?.rows ?? []

  return (
    <PageShell className='satisfaction'>
      <View className='zb-card satisfaction__head'>
        <Button className='satisfaction__step' onClick={() => setYear((y) => y - 1)}>
          上一年
        </Button>
        <Text className='zb-title satisfaction__year'>{year} 年</Text>
        {/* No greyed-out button for the future (its text would be too faint to read): just none. */}
        {year < thisYear() ? (
          <Button className='satisfaction__step' onClick={() => setYear((y) => y + 1)}>
            下一年
          </Button>
        ) : (
          <View className='satisfaction__step-gap' />
        )}
      </View>
      {data && !error ? (
        <View className='zb-card'>
          <Text className='zb-label'>全年满意率</Text>
          <Text className='satisfaction__rate'>{rate(data.total)}</Text>
          <CountsLine c={data.total} />
        </View>
      ) : null}
      <LoadState loading={loading} error={error} empty={rows.length === 0} emptyText='这一年还没有群众评价' onRetry={retryable ? () => void reload() : undefined} />
      {error
        ? null
        : rows.map((r) => (
            <View key={`${r.month}-${r.departmentId ?? ''}`} className='zb-card satisfaction__row'>
              <View className='zb-card__head'>
                <Text className='zb-card__heading'>
                  {r.month} · {r.departmentName}
                </Text>
                <Text className='satisfaction__row-rate'>{rate(r)}</Text>
              </View>
              <CountsLine c={r} />
            </View>
          ))}
    </PageShell>
  )
}
