// The dashboard's four charts, each from one part of the DashboardView.
import { View, Text } from '@tarojs/components'
import { LEDGER_TYPES, LEDGER_TYPE_LABELS } from '../../../../domain/ledger/vocabulary'
import { BarChart } from '../../components/bar-chart'
import { DepartmentRanking } from '../../components/department-ranking'
import type { DashboardView } from '../../services/ledger-api'

const monthNumber = (category: string) => category.replace('月', '')

export function MonthsChart({ view, lastMonth }: { view: DashboardView; lastMonth: number }) {
  const months = view.months.filter((m) => m.month <= lastMonth)
  return (
    <View className='zb-card dashboard__chart'>
      <BarChart
        id='chart-months'
        title='各月发表篇数'
        unit='篇'
        stacked
        axisLabel={monthNumber}
        categories={months.map((m) => `${m.month}月`)}
        series={LEDGER_TYPES.map((t) => ({ name: LEDGER_TYPE_LABELS[t], values: months.map((m) => m.byType[t].count) }))}
      />
    </View>
  )
}

export function LevelsChart({ view }: { view: DashboardView }) {
  return (
    <View className='zb-card dashboard__chart'>
      <BarChart id='chart-levels' title='各级媒体发表篇数' unit='篇' horizontal categories={view.levels.map((l) => l.label)} series={[{ name: '篇数', values: view.levels.map((l) => l.count) }]} />
    </View>
  )
}

export function TopicsChart({ view }: { view: DashboardView }) {
  const missed = view.topics.filter((t) => t.planned && t.count === 0).map((t) => t.topic)
  return (
    <View className='zb-card dashboard__chart'>
      {view.topics.length ? (
        <BarChart
          id='chart-topics'
          title='重点主题发表篇数'
          unit='篇'
          horizontal
          categories={view.topics.map((t) => t.topic)}
          series={[{ name: '篇数', values: view.topics.map((t) => t.count) }]}
          notes={Object.fromEntries(missed.map((t) => [t, '未覆盖']))}
        />
      ) : (
        <Text className='zb-hint'>本年度还没有设置重点主题，稿件也未标注主题</Text>
      )}
      {missed.length ? <Text className='dashboard__warning'>年度重点主题尚未覆盖：{missed.join('、')}</Text> : null}
    </View>
  )
}

export function DepartmentsChart({ view }: { view: DashboardView }) {
  const ranked = view.departments
  return (
    <View className='zb-card dashboard__chart dashboard__chart--departments'>
      <BarChart id='chart-departments' title='各部门得分' unit='分' horizontal categories={ranked.map((d) => d.name)} series={[{ name: '得分', values: ranked.map((d) => d.points) }]} />
      <Text className='zb-card__heading'>部门排名与进度</Text>
      <DepartmentRanking departments={ranked} />
    </View>
  )
}
