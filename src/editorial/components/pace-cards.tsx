// The bureau's three types against the year's targets: done, points, projected year-end, and a
// warning when the projection falls short.
import { View, Text } from '@tarojs/components'
import { ProgressBar } from '@/components/progress-bar'
import type { DashboardView } from '../services/ledger-api'
import { formatEstimate, formatFigure, formatShortfall } from './chart-format'

export function PaceCards({ view }: { view: DashboardView }) {
  return (
    <View className='dashboard__paces'>
      {view.bureau.map(({ type, label, pace }) => {
        const points = view.totals.byType[type].points
        const short = pace.target > 0 && pace.projected < pace.target
        return (
          <View key={type} className='zb-card dashboard__pace' data-type={type} aria-label={`${label}：已发表 ${formatFigure(pace.done)} 篇，目标 ${formatFigure(pace.target)} 篇`}>
            <Text className='dashboard__pace-label'>{label}</Text>
            <View className='dashboard__pace-figures'>
              <Text className='dashboard__pace-done'>{formatFigure(pace.done)}</Text>
              <Text className='dashboard__pace-target'> / {pace.target > 0 ? `${formatFigure(pace.target)} 篇` : '未设目标'}</Text>
            </View>
            {pace.target > 0 ? <ProgressBar value={pace.done / pace.target} /> : null}
            <Text className='zb-hint dashboard__pace-line'>得分 {formatFigure(points)} 分</Text>
            <Text className='zb-hint dashboard__pace-line'>
              预计年底约 {formatEstimate(pace.projected)} 篇{pace.target > 0 ? ` · 按进度此时应完成约 ${formatEstimate(pace.expected)} 篇` : ''}
            </Text>
            {short ? (
              <View className='dashboard__warning' role='alert'>
                按目前进度，年底预计比目标少 {formatShortfall(pace.target - pace.projected)} 篇
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
PaceCards.displayName = 'PaceCards'
