// Departments ranked (points, then count), each with its pace per type that has a target.
import { View, Text } from '@tarojs/components'
import { ProgressBar } from '@/components/progress-bar'
import { LEDGER_TYPE_LABELS } from '../../../domain/ledger/vocabulary'
import type { DashboardView } from '../services/ledger-api'
import { formatEstimate, formatFigure } from './chart-format'

export function DepartmentRanking({ departments }: { departments: DashboardView['departments'] }) {
  if (!departments.length) return <Text className='zb-hint'>还没有部门</Text>
  return (
    <View className='dashboard__ranking' role='list' aria-label='部门排名'>
      {departments.map((d) => (
        <View key={d.departmentId ?? d.name} className='dashboard__dept' role='listitem' data-department={d.name}>
          <View className='dashboard__dept-head'>
            <Text className='dashboard__dept-rank'>第 {d.rank} 名</Text>
            <Text className='dashboard__dept-name'>{d.name}</Text>
            {d.behind ? <Text className='dashboard__behind'>进度落后</Text> : null}
          </View>
          <Text className='zb-hint'>
            {formatFigure(d.count)} 篇 · {formatFigure(d.points)} 分
          </Text>
          {d.pace.map((p) => (
            <View key={p.type} className='dashboard__dept-pace'>
              <Text className='dashboard__dept-pace-text'>
                {LEDGER_TYPE_LABELS[p.type]} {formatFigure(p.count.done)} / {formatFigure(p.count.target)} 篇
                {p.count.target > 0 && p.count.projected < p.count.target ? `，预计年底约 ${formatEstimate(p.count.projected)} 篇` : ''}
              </Text>
              <ProgressBar value={p.count.target > 0 ? p.count.done / p.count.target : 0} failed={p.count.behind} />
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
DepartmentRanking.displayName = 'DepartmentRanking'
