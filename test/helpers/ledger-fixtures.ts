// A dashboard and a summary as the server answers them, for the page's tests on both platforms.
import type { DashboardView, SummaryView } from '../../domain/schemas/ledger'

/** The current Beijing year: the page opens on it. */
export const LEDGER_YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
const year = LEDGER_YEAR
export const tally = (count: number, points: number) => ({ count, points })
const pace = (done: number, target: number, projected: number) => ({ done, target, expected: target / 2, projected, shortfall: Math.max(0, target - projected), behind: projected < target })

export function dashboardView(over: Partial<DashboardView> = {}): DashboardView {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: 0, points: 0, byType: { news: tally(0, 0), information: tally(0, 0), research: tally(0, 0) } }))
  months[0] = { month: 1, count: 5, points: 42, byType: { news: tally(3, 30), information: tally(2, 12), research: tally(0, 0) } }
  return {
    year,
    asOf: `${year}-01-31`,
    totals: { count: 5, points: 42, byType: { news: tally(3, 30), information: tally(2, 12), research: tally(0, 0) } },
    bureau: [
      { type: 'news', label: '新闻稿件', pace: pace(3, 343, 400) },
      { type: 'information', label: '政务信息', pace: pace(2, 337, 120) },
      { type: 'research', label: '调研文章', pace: pace(0, 8, 0) }
    ],
    months,
    levels: [
      { level: 'central', label: '中央媒体', count: 1, points: 20 },
      { level: 'county', label: '县级媒体', count: 4, points: 22 }
    ],
    topics: [
      { topic: '食品安全', count: 3, points: 30, planned: true },
      { topic: '特种设备', count: 0, points: 0, planned: true }
    ],
    departments: [
      {
        departmentId: 'd1',
        name: '综合办公室',
        count: 3.5,
        points: 30,
        byType: { news: tally(2.5, 25), information: tally(1, 5), research: tally(0, 0) },
        pace: [{ type: 'news', count: pace(2.5, 100, 30), points: null }],
        behind: true,
        rank: 1
      },
      { departmentId: 'd2', name: '食品股', count: 1.5, points: 12, byType: { news: tally(0.5, 5), information: tally(1, 7), research: tally(0, 0) }, pace: [], behind: false, rank: 2 }
    ],
    ...over
  } as DashboardView
}

export const summaryView = (month: number | null): SummaryView => ({
  year,
  month,
  from: `${year}-01-01`,
  to: `${year}-01-31`,
  count: month === null ? 5 : 2,
  points: month === null ? 42 : 12,
  byType: { news: tally(1, 6), information: tally(1, 6), research: tally(0, 0) },
  frontLine: { count: 1, share: 0.5 },
  topicsCovered: [{ topic: '食品安全', count: 2 }],
  topicsMissed: ['特种设备'],
  avgDaysCaseToPublication: 6.5
})

