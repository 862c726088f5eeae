// A bar chart drawn with F2 on the platform's canvas, and always a table of the same figures
// beneath: what a screen reader reads, what the tests check, and what shows where no canvas draws.
import { useEffect, useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Canvas } from '@antv/f2'
import { CHART_COLORS } from '@/styles/chart-colors'
import { ChartCanvas, prefersDark, type ChartSurface } from './chart-canvas'
import { barsTree } from './f2-bars'
import { formatFigure } from './chart-format'
import { useLargeFont } from './use-large-font'
import './bar-chart.scss'

export interface BarSeries {
  name: string
  values: number[]
}

export interface BarChartProps {
  /** Unique on the page (the canvas id). */
  id: string
  title: string
  categories: string[]
  series: BarSeries[]
  /** After each figure in the table: 篇, 分. */
  unit: string
  /** Bars across (long category names: departments, topics); else columns (months). */
  horizontal?: boolean
  /** Several series stacked into one bar per category (else side by side). */
  stacked?: boolean
  /** A shorter axis label than the table's (月 dropped under twelve columns). */
  axisLabel?: (category: string) => string
  /** A word beside a category in the table (未覆盖). */
  notes?: Record<string, string>
}

// Canvas text in CSS px: the page's --zb-font-s in normal and in 大字模式 (page-shell.scss).
const FONT = { normal: 13, large: 17 }

function useF2(surface: ChartSurface | null, props: BarChartProps, large: boolean) {
  const chart = useRef<{ canvas: Canvas; context: CanvasRenderingContext2D } | null>(null)
  const { categories, series, horizontal = false, stacked = false, axisLabel } = props
  // The figures, not the arrays' identity: the page builds new arrays on every render (a month
  // chosen in the summary), and the chart should redraw only when what it shows changes.
  const figures = JSON.stringify({ categories, series, horizontal, stacked })
  useEffect(() => {
    if (!surface) return
    const children = barsTree({ categories, series, horizontal, stacked, axisLabel }, CHART_COLORS[prefersDark() ? 'dark' : 'light'], large ? FONT.large : FONT.normal)
    // What F2's <Canvas> element would carry as props; animation off, the figures simply appear.
    const rootProps = { context: surface.context, pixelRatio: surface.pixelRatio, width: surface.width, height: surface.height, animate: false, ...surface.extra, children }
    const current = chart.current
    if (current && current.context === surface.context) {
      void current.canvas.update(rootProps)
      return
    }
    current?.canvas.destroy()
    const canvas = new Canvas(rootProps)
    chart.current = { canvas, context: surface.context }
    void canvas.render()
  }, [surface, figures, axisLabel, large])
  useEffect(
    () => () => {
      chart.current?.canvas.destroy()
      chart.current = null
    },
    []
  )
}

export function BarChart(props: BarChartProps) {
  const { id, title, categories, series, unit, horizontal = false, notes } = props
  const large = useLargeFont()
  const [surface, setSurface] = useState<ChartSurface | null>(null)
  useF2(surface, props, large)
  const several = series.length > 1
  const rowHeight = large ? 40 : 30
  const height = horizontal ? Math.max(120, categories.length * rowHeight + (several ? 70 : 40)) : large ? 280 : 220
  return (
    <View className='bar-chart'>
      <Text className='bar-chart__title'>{title}</Text>
      {categories.length ? <ChartCanvas id={id} height={height} onSurface={setSurface} /> : null}
      <View className='bar-chart__table' role='table' aria-label={`${title}（单位：${unit}）`}>
        {several ? (
          <View className='bar-chart__row bar-chart__row--head' role='row'>
            <View className='bar-chart__name' role='columnheader'>
              {' '}
            </View>
            {series.map((s) => (
              <View key={s.name} className='bar-chart__value' role='columnheader'>
                {s.name}
              </View>
            ))}
          </View>
        ) : null}
        {categories.map((c, i) => (
          <View key={c} className='bar-chart__row' role='row' data-category={c}>
            <View className='bar-chart__name' role='rowheader'>
              {c}
              {notes?.[c] ? <Text className='bar-chart__note'>{notes[c]}</Text> : null}
            </View>
            {series.map((s) => (
              <View key={s.name} className='bar-chart__value' role='cell' aria-label={several ? `${c}${s.name}` : undefined}>
                {formatFigure(s.values[i] ?? 0)} {unit}
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
BarChart.displayName = 'BarChart'
