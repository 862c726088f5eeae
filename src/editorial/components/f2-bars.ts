// Builds the F2 element tree for a bar chart, with F2's own jsx() (no JSX pragma: this codebase's
// JSX is React's). Pure, so the chart component only decides when to draw.
import { Axis, Chart, Interval, Legend, jsx } from '@antv/f2'

// F2's class types do not fit its own jsx() signature (their props are generic); the props
// written below are F2's documented ones.
type F2Type = Parameters<typeof jsx>[0]
const el = (type: unknown, props: Record<string, unknown>, ...children: unknown[]) => jsx(type as F2Type, props, ...children)
import type { ChartPalette } from '@/styles/chart-colors'
import { axisName } from './chart-format'

export interface BarData {
  categories: string[]
  series: { name: string; values: number[] }[]
  horizontal: boolean
  stacked: boolean
  axisLabel?: (category: string) => string
}

export function barsTree(d: BarData, palette: ChartPalette, fontSize: number) {
  // Transposed, F2 puts the first category at the bottom; reversed, the list reads top-down like the table.
  const order = d.horizontal ? [...d.categories].reverse() : d.categories
  const data = order.flatMap((category) => {
    const i = d.categories.indexOf(category)
    return d.series.map((s) => ({ category, series: s.name, value: s.values[i] ?? 0 }))
  })
  const several = d.series.length > 1
  // Stacked bars reach the sum of their series. The axis top is a multiple of 4 (five ticks, four
  // steps), so every tick is a whole number: 0 2 4 6 8 for a highest bar of 5, never 1.5 or 4.5.
  const highest = Math.max(0, ...d.categories.map((_, i) => (d.stacked ? d.series.reduce((a, s) => a + (s.values[i] ?? 0), 0) : Math.max(0, ...d.series.map((s) => s.values[i] ?? 0)))))
  const top = Math.max(4, Math.ceil(highest / 4) * 4)
  const label = (text: string) => ({ text: d.axisLabel ? d.axisLabel(text) : d.horizontal ? axisName(text) : text, fontSize, fill: palette.text })
  return el(
    Chart,
    { data, coord: d.horizontal ? { transposed: true } : undefined, scale: { value: { min: 0, max: top, nice: false, tickCount: 5 } } },
    el(Axis, { field: 'category', style: { label, line: { stroke: palette.border }, tickLine: null } }),
    el(Axis, { field: 'value', style: { label: { fontSize, fill: palette.textSecondary }, grid: { stroke: palette.border, lineDash: [2, 2] } } }),
    el(Interval, {
      x: 'category',
      y: 'value',
      color: several ? { field: 'series', range: [...palette.series] } : palette.series[0],
      adjust: several ? (d.stacked ? 'stack' : 'dodge') : undefined
    }),
    several ? el(Legend, { position: 'top', marker: 'square', nameStyle: { fontSize, fill: palette.text }, clickable: false }) : null
  )
}
