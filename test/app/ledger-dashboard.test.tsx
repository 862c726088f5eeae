// The 进度看板 against a faked server: the figures it shows (pace, charts' tables, ranking,
// summary), the empty year, a failed load and its 重试, the exports and the admins' reminders.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Dashboard from '@/editorial/pages/dashboard/index'
import { session } from '@/services/session'
import type { DashboardView } from '@/editorial/services/ledger-api'
import { dashboardView, summaryView, tally, LEDGER_YEAR } from '../helpers/ledger-fixtures'
import { fakeServer, type FakeResponse, type SentRequest } from './support/network'

const staff = { id: 'u-staff', orgId: 'o1', name: '王宣传', roles: ['staff'], departmentId: null, departmentName: null }
const admin = { ...staff, id: 'u-admin', name: '管理员甲', roles: ['staff', 'admin'] }
const year = LEDGER_YEAR
const NO_ROUTE = (req: SentRequest): FakeResponse => ({ statusCode: 404, data: { error: 'not_found', message: `没有这个接口：${req.method} ${req.url}` } })
function serve(view: DashboardView, extra: (req: SentRequest) => FakeResponse | null = () => null) {
  return fakeServer((req) => {
    const own = extra(req)
    if (own) return own
    if (req.method === 'GET' && req.url === `/api/ledger/dashboard?year=${year}`) return { statusCode: 200, data: view }
    if (req.method === 'GET' && req.url === `/api/ledger/summary?year=${year}`) return { statusCode: 200, data: summaryView(null) }
    const m = /^\/api\/ledger\/summary\?year=\d+&month=(\d+)$/.exec(req.url)
    if (req.method === 'GET' && m) return { statusCode: 200, data: summaryView(Number(m[1])) }
    return NO_ROUTE(req)
  })
}

const table = (label: RegExp) => screen.getByRole('table', { name: label })
const row = (t: HTMLElement, category: string) => t.querySelector(`[data-category="${category}"]`) as HTMLElement

beforeEach(() => session.save({ token: 'tok-staff', user: staff as never }))

test('shows the bureau’s pace per type with the shortfall, the charts’ figures, the ranking and the summary', async () => {
  serve(dashboardView())
  render(<Dashboard />)
  expect(await screen.findByText(/统计截至 .*：共 5 篇，42 分/)).toBeInTheDocument()

  const news = screen.getByLabelText('新闻稿件：已发表 3 篇，目标 343 篇')
  expect(within(news).getByText('预计年底约 400 篇 · 按进度此时应完成约 172 篇')).toBeInTheDocument()
  expect(within(news).queryByRole('alert')).toBeNull()
  const info = screen.getByLabelText('政务信息：已发表 2 篇，目标 337 篇')
  expect(within(info).getByRole('alert')).toHaveTextContent('按目前进度，年底预计比目标少 217 篇')
  expect(within(info).getByText('得分 12 分')).toBeInTheDocument()

  const months = table(/各月发表篇数/)
  expect(within(row(months, '1月')).getByLabelText('1月新闻稿件')).toHaveTextContent('3 篇')
  expect(within(row(months, '1月')).getByLabelText('1月政务信息')).toHaveTextContent('2 篇')
  expect(row(table(/各级媒体发表篇数/), '县级媒体')).toHaveTextContent('4 篇')
  const topics = table(/重点主题发表篇数/)
  expect(row(topics, '食品安全')).toHaveTextContent('3 篇')
  expect(row(topics, '特种设备')).toHaveTextContent('未覆盖')
  expect(screen.getByText('年度重点主题尚未覆盖：特种设备')).toBeInTheDocument()
  expect(row(table(/各部门得分/), '综合办公室')).toHaveTextContent('30 分')

  const ranking = screen.getByRole('list', { name: '部门排名' })
  const first = ranking.querySelector('[data-department="综合办公室"]') as HTMLElement
  expect(first).toHaveTextContent('第 1 名')
  expect(first).toHaveTextContent('进度落后')
  expect(first).toHaveTextContent('3.5 篇 · 30 分')
  expect(first).toHaveTextContent('新闻稿件 2.5 / 100 篇，预计年底约 30 篇')
  expect(ranking.querySelector('[data-department="食品股"]')).toHaveTextContent('第 2 名')

  expect(await screen.findByText(`${year} 年全年共发表 5 篇，得分 42 分`)).toBeInTheDocument()
  expect(screen.getByText('来自一线事例 1 篇，占 50%')).toBeInTheDocument()
  expect(screen.getByText('事例报送到发表平均 6.5 天')).toBeInTheDocument()
  expect(screen.getByText('尚未覆盖的重点主题：特种设备')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('tab', { name: '1月' }))
  expect(await screen.findByText(`${year} 年 1 月共发表 2 篇，得分 12 分`)).toBeInTheDocument()
  // Staff see the exports, not the admins' reminders.
  expect(screen.getByText('导出年度考核表')).toBeInTheDocument()
  expect(screen.getByText('导出月度报表')).toBeInTheDocument()
  expect(screen.queryByText('提醒进度落后的部门')).toBeNull()
})

test('a year without any publication shows the empty state, the exports still there', async () => {
  const empty = dashboardView({ totals: { count: 0, points: 0, byType: { news: tally(0, 0), information: tally(0, 0), research: tally(0, 0) } } as DashboardView['totals'] })
  serve(empty)
  render(<Dashboard />)
  expect(await screen.findByText(`${year} 年还没有登记发表`)).toBeInTheDocument()
  expect(screen.queryByRole('table')).toBeNull()
  expect(screen.getByText('导出年度考核表')).toBeInTheDocument()
})

test('a failed load says so and 重试 loads again', async () => {
  let fail = true
  const sent = serve(dashboardView(), (req) => (fail && req.url.startsWith('/api/ledger/dashboard') ? { statusCode: 500, data: { error: 'internal', message: '服务器出错了，请稍后重试' } } : null))
  render(<Dashboard />)
  expect(await screen.findByText('服务器出错了，请稍后重试', {}, { timeout: 5000 })).toBeInTheDocument()
  fail = false
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText(/统计截至/)).toBeInTheDocument()
  expect(sent.filter((r) => r.url.startsWith('/api/ledger/dashboard')).length).toBeGreaterThan(1)
})

test('the year picker loads the earlier year and cannot go past this one', async () => {
  const sent = serve(dashboardView(), (req) => (req.url === `/api/ledger/dashboard?year=${year - 1}` ? { statusCode: 200, data: dashboardView({ year: year - 1 }) } : null))
  render(<Dashboard />)
  await screen.findByText(/统计截至/)
  expect(screen.queryByLabelText('下一年')).toBeNull()
  fireEvent.click(screen.getByLabelText('上一年'))
  expect(await screen.findByText(`${year - 1} 年`)).toBeInTheDocument()
  expect(screen.getByLabelText('下一年')).toBeInTheDocument()
  await waitFor(() => expect(sent.some((r) => r.url === `/api/ledger/dashboard?year=${year - 1}`)).toBe(true))
})

test('an admin sends the reminders after confirming and reads what they did', async () => {
  session.save({ token: 'tok-admin', user: admin as never })
  const asked = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
  const sent = serve(dashboardView(), (req) =>
    req.method === 'POST' && req.url === `/api/admin/ledger/shortfall-warnings?year=${year}` ? { statusCode: 200, data: { departmentsBehind: 2, notified: 1 } } : null
  )
  render(<Dashboard />)
  fireEvent.click(await screen.findByText('提醒进度落后的部门'))
  expect(await screen.findByText('进度落后的部门 2 个，本次已提醒 1 个（其余今天已提醒过）')).toBeInTheDocument()
  expect(asked).toHaveBeenCalledWith(expect.objectContaining({ title: '提醒进度落后的部门' }))
  expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1)
})
