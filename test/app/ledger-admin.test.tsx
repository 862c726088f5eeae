// The admin's ledger sections (媒体名录, 计分规则, 年度目标) against a faked server: what they show,
// what they refuse before sending, and the exact bodies they send.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { session } from '@/services/session'
import { OutletsSection } from '@/admin/sections/outlets'
import { ScoringRulesSection } from '@/admin/sections/scoring-rules'
import { TargetsSection } from '@/admin/sections/targets'
import { defaultRules } from '../../domain/ledger/rules'
import { fakeServer, type FakeResponse, type SentRequest } from './support/network'
import { typeInto } from './support/dom'

const adminUser = { id: 'u-admin', orgId: 'o1', name: '管理员甲', roles: ['citizen', 'admin'], departmentId: null, departmentName: null }
const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
const NO_ROUTE = (req: SentRequest): FakeResponse => ({ statusCode: 404, data: { error: 'not_found', message: `没有这个接口：${req.method} ${req.url}` } })
const writes = (sent: SentRequest[]) => sent.filter((r) => r.method !== 'GET')
const field = (label: string) => document.querySelector(`[aria-label="${label}"]`)
const rulesBody = () => {
  const { year: _y, ...body } = defaultRules(year)
  return body
}

beforeEach(() => session.save({ token: 'tok-admin', user: adminUser as never }))
afterEach(() => jest.restoreAllMocks())

describe('媒体名录', () => {
  test('a new outlet needs a name and a level; the POST carries both; deactivating sends active: false', async () => {
    const existing = { id: 'o-1', name: '县融媒体中心', level: 'county', levelLabel: '县级媒体', active: true }
    const sent = fakeServer((req) => {
      if (req.method === 'GET' && req.url === '/api/ledger/outlets?includeInactive=true') return { statusCode: 200, data: { outlets: [existing] } }
      if (req.method === 'POST' && req.url === '/api/admin/outlets') return { statusCode: 201, data: { id: 'o-2', name: '中国市场监管报', level: 'central', levelLabel: '中央媒体', active: true } }
      if (req.method === 'PUT' && req.url === '/api/admin/outlets/o-1') return { statusCode: 200, data: { ...existing, active: false } }
      return NO_ROUTE(req)
    })
    render(<OutletsSection />)
    expect(await screen.findByText('县融媒体中心')).toBeInTheDocument()
    await typeInto(field('媒体名称'), '中国市场监管报')
    fireEvent.click(screen.getByText('添加媒体'))
    expect(await screen.findByText('请选择媒体级别')).toBeInTheDocument()
    expect(writes(sent)).toHaveLength(0)
    const chips = field('新媒体的级别')!
    fireEvent.click(Array.from(chips.querySelectorAll('.admin-chip')).find((c) => c.textContent?.startsWith('中央'))!)
    fireEvent.click(screen.getByText('添加媒体'))
    expect(await screen.findByText('中国市场监管报')).toBeInTheDocument()
    expect(writes(sent)[0]).toMatchObject({ url: '/api/admin/outlets', data: { name: '中国市场监管报', level: 'central' } })

    const row = screen.getByText('县融媒体中心').closest('.admin-row') as HTMLElement
    fireEvent.click(within(row).getByText('停用'))
    expect(await screen.findByText('已停用')).toBeInTheDocument()
    expect(writes(sent)[1]).toMatchObject({ url: '/api/admin/outlets/o-1', data: { active: false } })
  })
})

describe('计分规则', () => {
  test('a wrong cell is refused in place; one changed cell goes out in the whole PUT; 重新计算 asks first and shows before → after', async () => {
    const asked = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    const sent = fakeServer((req) => {
      if (req.method === 'GET' && req.url === `/api/admin/scoring-rules/${year}`) return { statusCode: 200, data: { year, source: 'default', fromYear: null, rules: rulesBody(), updatedAt: null } }
      if (req.method === 'PUT' && req.url === `/api/admin/scoring-rules/${year}`) return { statusCode: 200, data: { year, source: 'own', fromYear: year, rules: req.data, updatedAt: '2026-12-04T02:00:00.000Z' } }
      if (req.method === 'POST' && req.url === `/api/admin/scoring-rules/${year}/recalculate`)
        return { statusCode: 200, data: { year, publications: 12, changed: 3, pointsBefore: 120, pointsAfter: 135.5, recalculatedBy: '管理员甲', recalculatedAt: '2026-12-04T02:01:00.000Z' } }
      return NO_ROUTE(req)
    })
    render(<ScoringRulesSection />)
    expect(await screen.findByText(/尚未设置，使用内置示例规则/)).toBeInTheDocument()
    const cell = '新闻稿件·中央媒体·头版头条'
    await typeInto(field(cell), '-1')
    fireEvent.click(screen.getByText(`保存 ${year} 年计分规则`))
    await waitFor(() => expect(field(cell)!.getAttribute('aria-invalid')).toBe('true'))
    expect(writes(sent)).toHaveLength(0)

    await typeInto(field(cell), '88.5')
    fireEvent.click(screen.getByText(`保存 ${year} 年计分规则`))
    expect(await screen.findByText(/已保存 \d+ 年计分规则/)).toBeInTheDocument()
    const expected = rulesBody()
    expected.points.news.central.front_headline = 88.5
    expect(writes(sent)[0]).toMatchObject({ method: 'PUT', url: `/api/admin/scoring-rules/${year}` })
    expect(writes(sent)[0]!.data).toEqual(expected)

    fireEvent.click(screen.getByText('重新计算本年度分值'))
    expect(await screen.findByText('总分 120 → 135.5')).toBeInTheDocument()
    expect(screen.getByText('共 12 篇发表，其中 3 篇分值有变化')).toBeInTheDocument()
    expect(asked).toHaveBeenCalledWith(expect.objectContaining({ title: `重新计算 ${year} 年分值` }))
    expect(writes(sent)[1]).toMatchObject({ method: 'POST', url: `/api/admin/scoring-rules/${year}/recalculate` })
  })
})

describe('年度目标', () => {
  test('the built-in 343 / 337 / 8 are marked 默认; a department target is sent without the untouched bureau row', async () => {
    const bureau = [
      { departmentId: null, departmentName: null, type: 'news', count: 343, points: null },
      { departmentId: null, departmentName: null, type: 'information', count: 337, points: null },
      { departmentId: null, departmentName: null, type: 'research', count: 8, points: null }
    ]
    const sent = fakeServer((req) => {
      if (req.method === 'GET' && req.url === `/api/ledger/targets?year=${year}`) return { statusCode: 200, data: { year, bureauDefault: true, targets: bureau } }
      if (req.method === 'GET' && req.url === '/api/admin/departments') return { statusCode: 200, data: { departments: [{ id: 'd-1', name: '综合办公室' }] } }
      if (req.method === 'PUT' && req.url === `/api/admin/targets/${year}`) return { statusCode: 200, data: { year, bureauDefault: true, targets: [...bureau, { departmentId: 'd-1', departmentName: '综合办公室', type: 'news', count: 120, points: 300 }] } }
      return NO_ROUTE(req)
    })
    render(<TargetsSection />)
    expect((await screen.findAllByText('默认')).length).toBe(3)
    await typeInto(field('综合办公室新闻稿件篇数'), '120')
    await typeInto(field('综合办公室新闻稿件分值'), '300')
    expect(screen.getByText(/比全局少 223 篇/)).toBeInTheDocument()
    fireEvent.click(screen.getByText(`保存 ${year} 年目标（整体替换）`))
    await waitFor(() => expect(writes(sent)).toHaveLength(1))
    expect(writes(sent)[0]!.data).toEqual({ targets: [{ departmentId: 'd-1', type: 'news', count: 120, points: 300 }] })
    expect(await screen.findByText(`已保存 ${year} 年目标`)).toBeInTheDocument()
  })
})
