import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { session } from '@/services/session'
import { TopicsSection } from '@/admin/sections/topics'
import { CannedRepliesSection } from '@/admin/sections/canned-replies'
import { PeopleSection } from '@/admin/sections/people'
import { CalendarSection } from '@/admin/sections/calendar'
import { DepartmentsSection } from '@/admin/sections/departments'
import { parseCalendarLines, parseWorkingDays } from '@/admin/forms'
import { fakeServer, type FakeResponse, type SentRequest } from './support/network'
import { typeInto } from './support/dom'

const adminUser = { id: 'u-admin', orgId: 'o1', name: '管理员甲', roles: ['citizen', 'admin'], departmentId: null, departmentName: null }
const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
const NO_ROUTE = (req: SentRequest): FakeResponse => ({ statusCode: 404, data: { error: 'not_found', message: `没有这个接口：${req.method} ${req.url}` } })
const writes = (sent: SentRequest[]) => sent.filter((r) => r.method !== 'GET')
const field = (label: string) => document.querySelector(`[aria-label="${label}"]`)

beforeEach(() => {
  session.save({ token: 'tok-admin', user: adminUser as never })
})
afterEach(() => jest.restoreAllMocks())

describe('重点主题', () => {
  test('an empty name is refused in place and nothing is sent; a duplicate shows the server’s message', async () => {
    const sent = fakeServer((req) => {
      if (req.method === 'GET' && req.url.startsWith('/api/topics')) return { statusCode: 200, data: { topics: [] } }
      if (req.method === 'POST' && req.url === '/api/admin/topics') return { statusCode: 409, data: { error: 'topic_exists', message: `${year} 年已有重点主题「食品安全」` } }
      return NO_ROUTE(req)
    })
    render(<TopicsSection />)
    expect(await screen.findByText(`${year} 年还没有重点主题`)).toBeInTheDocument()
    expect(sent[0]!.url).toBe(`/api/topics?year=${year}`)

    fireEvent.click(screen.getByText('添加主题'))
    expect(await screen.findByText('请填写主题名称')).toBeInTheDocument()
    await typeInto(field('主题名称'), '这是一个远远超过二十个字限制的重点主题名称用来测试长度')
    fireEvent.click(screen.getByText('添加主题'))
    expect(await screen.findByText('主题名称最多 20 个字')).toBeInTheDocument()
    expect(writes(sent)).toHaveLength(0)

    await typeInto(field('主题名称'), '食品安全')
    fireEvent.click(screen.getByText('添加主题'))
    expect(await screen.findByText(`${year} 年已有重点主题「食品安全」`)).toBeInTheDocument()
    expect(writes(sent)).toEqual([expect.objectContaining({ url: '/api/admin/topics', data: { name: '食品安全', year } })])
  })

  test('a topic switched off is sent as inactive; the year can be changed', async () => {
    const topic = { id: 't1', name: '食品安全', year, active: true }
    const sent = fakeServer((req) => {
      if (req.method === 'GET' && req.url === `/api/topics?year=${year}`) return { statusCode: 200, data: { topics: [topic] } }
      if (req.method === 'GET' && req.url === `/api/topics?year=${year + 1}`) return { statusCode: 200, data: { topics: [] } }
      if (req.method === 'PUT' && req.url === '/api/admin/topics/t1') return { statusCode: 200, data: { ...topic, active: false } }
      return NO_ROUTE(req)
    })
    render(<TopicsSection />)
    const row = (await screen.findByText('食品安全')).closest('.admin-row') as HTMLElement
    fireEvent.click(row.querySelector('.nut-switch')!)
    await waitFor(() => expect(within(row).getByText('已停用')).toBeInTheDocument())
    expect(writes(sent)[0]).toMatchObject({ url: '/api/admin/topics/t1', data: { active: false } })
    fireEvent.click(screen.getByText(`${year + 1} ›`))
    expect(await screen.findByText(`${year + 1} 年还没有重点主题`)).toBeInTheDocument()
  })
})

describe('答复模板', () => {
  test('placeholders are inserted by button and previewed with sample values; an unknown one and a missing title are refused', async () => {
    const sent = fakeServer((req) => {
      if (req.method === 'GET' && req.url === '/api/canned-replies') return { statusCode: 200, data: { cannedReplies: [] } }
      if (req.method === 'POST' && req.url === '/api/admin/canned-replies') return { statusCode: 201, data: { id: 'c1', ...(req.data as object) } }
      return NO_ROUTE(req)
    })
    render(<CannedRepliesSection />)
    expect(await screen.findByText('还没有答复模板')).toBeInTheDocument()
    fireEvent.click(screen.getByText('新建模板'))

    await typeInto(field('模板内容'), '{称谓}您好')
    fireEvent.click(screen.getByText('保存模板'))
    expect(await screen.findByText('请填写模板名称')).toBeInTheDocument()
    expect(screen.getByText(/\{称谓\} 不是可用的占位符/)).toBeInTheDocument()
    expect(writes(sent)).toHaveLength(0)

    await typeInto(field('模板内容'), '')
    fireEvent.click(screen.getByText('留言人称呼'))
    await typeInto(field('模板名称'), '已受理告知')
    await waitFor(() => expect(field('预览')!.textContent).toBe('张先生'))
    fireEvent.click(screen.getByText('填入并答复'))
    fireEvent.click(screen.getByText('保存模板'))
    await screen.findByText('选用后：答复')
    expect(writes(sent)).toEqual([expect.objectContaining({ url: '/api/admin/canned-replies', data: { title: '已受理告知', body: '{称呼}', action: 'reply' } })])
  })

  test('a failed load shows the error with 重试, and 重试 loads again', async () => {
    let fail = true
    fakeServer((req) => {
      if (req.url === '/api/canned-replies') return fail ? { statusCode: 503, data: { error: 'service_unavailable', message: '服务暂时不可用' } } : { statusCode: 200, data: { cannedReplies: [{ id: 'c1', title: '感谢', body: '感谢监督', action: null }] } }
      return NO_ROUTE(req)
    })
    render(<CannedRepliesSection />)
    expect(await screen.findByText('服务暂时不可用', {}, { timeout: 5000 })).toBeInTheDocument()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('感谢')).toBeInTheDocument()
  })
})

describe('人员', () => {
  const people = [
    { id: 'u-admin', name: '管理员甲', roles: ['citizen', 'admin'], department: null, disabled: false, username: null, createdAt: '2026-12-01T00:00:00.000Z' },
    { id: 'u-zhao', name: '赵六', roles: ['citizen', 'staff'], department: { id: 'd1', name: '城关所' }, disabled: false, username: null, createdAt: '2026-12-01T00:00:00.000Z' }
  ]
  const lists = (req: SentRequest): FakeResponse | null => {
    if (req.url === '/api/admin/people') return { statusCode: 200, data: { people, nextCursor: null } }
    if (req.url === '/api/admin/departments') return { statusCode: 200, data: { departments: [{ id: 'd1', name: '城关所' }] } }
    return null
  }

  test('an invitation needs a role; then shows its code and QR code', async () => {
    const sent = fakeServer((req) => {
      if (req.method === 'POST' && req.url === '/api/invitations') {
        return { statusCode: 201, data: { code: 'K7M3Q9AB', qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1v1H0z"/></svg>', role: 'staff', departmentId: 'd1', expiresAt: '2026-12-11T00:00:00.000Z' } }
      }
      return lists(req) ?? NO_ROUTE(req)
    })
    render(<PeopleSection />)
    await screen.findByText('赵六')
    fireEvent.click(screen.getByText('生成邀请码'))
    expect(await screen.findByText('请选择邀请的角色')).toBeInTheDocument()
    expect(writes(sent)).toHaveLength(0)

    const invite = document.querySelector('.admin-invite') as HTMLElement
    fireEvent.click(within(invite).getByText('宣传人员'))
    fireEvent.click(within(invite).getByText('城关所'))
    fireEvent.click(screen.getByText('生成邀请码'))
    expect(await screen.findByText('K7M3Q9AB')).toBeInTheDocument()
    expect(writes(sent)[0]).toMatchObject({ url: '/api/invitations', data: { role: 'staff', departmentId: 'd1' } })
    const qr = document.querySelector('.admin-invite__qr')!
    const src = qr.getAttribute('src') ?? qr.querySelector('img')?.getAttribute('src')
    expect(decodeURIComponent(src!)).toContain('<path d="M0 0h1v1H0z"/>')
  })

  test('停用 asks first; the server’s refusal is shown on the row; I cannot disable myself', async () => {
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    const sent = fakeServer((req) => {
      if (req.method === 'PUT' && req.url === '/api/admin/people/u-zhao') return { statusCode: 409, data: { error: 'last_admin', message: '本局至少要保留一位在用的管理员' } }
      return lists(req) ?? NO_ROUTE(req)
    })
    render(<PeopleSection />)
    const row = (await screen.findByText('赵六')).closest('.admin-person') as HTMLElement
    const mine = screen.getByText('管理员甲').closest('.admin-person') as HTMLElement
    expect(within(mine).queryByText('停用')).toBeNull()
    fireEvent.click(within(row).getByText('停用'))
    expect(await within(row).findByText('本局至少要保留一位在用的管理员')).toBeInTheDocument()
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '停用 赵六' }))
    expect(writes(sent)[0]).toMatchObject({ url: '/api/admin/people/u-zhao', data: { disabled: true } })
  })

  test('a role change keeps at least one role, and sends the department', async () => {
    const sent = fakeServer((req) => {
      if (req.method === 'PUT') return { statusCode: 200, data: { ...people[1], roles: ['citizen', 'reviewer'], department: null } }
      return lists(req) ?? NO_ROUTE(req)
    })
    render(<PeopleSection />)
    const row = (await screen.findByText('赵六')).closest('.admin-person') as HTMLElement
    fireEvent.click(within(row).getByText('修改'))
    fireEvent.click(within(row.querySelector('[aria-label="赵六的角色"]') as HTMLElement).getByText('宣传人员'))
    fireEvent.click(within(row).getByText('保存修改'))
    expect(await within(row).findByText('请至少保留一个角色')).toBeInTheDocument()
    expect(writes(sent)).toHaveLength(0)
    fireEvent.click(within(row.querySelector('[aria-label="赵六的角色"]') as HTMLElement).getByText('审核人'))
    fireEvent.click(within(row.querySelector('[aria-label="赵六的部门"]') as HTMLElement).getByText('不指定'))
    fireEvent.click(within(row).getByText('保存修改'))
    await waitFor(() => expect(writes(sent)).toHaveLength(1))
    expect(writes(sent)[0]).toMatchObject({ url: '/api/admin/people/u-zhao', data: { roles: ['reviewer'], departmentId: null } })
  })
})

describe('部门', () => {
  test('an empty name is refused; a new one is added to the list', async () => {
    const sent = fakeServer((req) => {
      if (req.url === '/api/admin/departments' && req.method === 'GET') return { statusCode: 200, data: { departments: [] } }
      if (req.url === '/api/admin/departments' && req.method === 'POST') return { statusCode: 201, data: { id: 'd9', name: '消保科' } }
      return NO_ROUTE(req)
    })
    render(<DepartmentsSection />)
    await screen.findByText('还没有部门')
    fireEvent.click(screen.getByText('添加部门'))
    expect(await screen.findByText('请填写部门名称')).toBeInTheDocument()
    expect(writes(sent)).toHaveLength(0)
    await typeInto(field('部门名称'), ' 消保科 ')
    fireEvent.click(screen.getByText('添加部门'))
    expect(await screen.findByText('消保科')).toBeInTheDocument()
    expect(writes(sent)[0]!.data).toEqual({ name: '消保科' })
  })
})

describe('节假日', () => {
  test('a year the calendar lacks is flagged; a wrong line is named before anything is sent', async () => {
    const sent = fakeServer((req) => {
      if (req.url === '/api/calendar/status') return { statusCode: 200, data: { today: `${year}-12-04`, years: [], missingYears: [year + 1], warning: `${year + 1} 年的节假日安排尚未录入`, builtin: { firstYear: 2004, lastYear: 2026, source: 'chinese-days' } } }
      if (req.url.startsWith('/api/admin/calendar/')) {
        const y = Number(req.url.split('/').pop())
        return { statusCode: 200, data: { year: y, source: y > year ? 'missing' : 'builtin', holidays: [], workdays: [] } }
      }
      return NO_ROUTE(req)
    })
    render(<CalendarSection />)
    expect(await screen.findByText(`${year + 1} 年的节假日安排尚未录入`)).toBeInTheDocument()
    fireEvent.click(screen.getByText(`录入 ${year + 1} 年`))
    expect(await screen.findByText('尚未录入：按周一至周五计算，期限可能不准')).toBeInTheDocument()
    await typeInto(field('放假日期'), `${year + 1}-01-01 元旦\n${year + 1}-02-30 春节`)
    fireEvent.click(screen.getByText(`保存 ${year + 1} 年安排（整年替换）`))
    expect(await screen.findByText(`放假日期：第 2 行的日期 ${year + 1}-02-30 不存在`)).toBeInTheDocument()
    expect(writes(sent)).toHaveLength(0)
  })

  test('calendar and working-day lines parse as the notice writes them', () => {
    expect(parseCalendarLines('2027-01-01 元旦\n\n2027-02-06  春节 ', 2027)).toEqual({ days: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-02-06', name: '春节' }] })
    expect(parseCalendarLines('2026-12-31 元旦', 2027)).toEqual({ error: expect.stringContaining('不在 2027 年') })
    expect(parseCalendarLines('2027-01-01 元旦\n2027-01-01 元旦', 2027)).toEqual({ error: expect.stringContaining('重复') })
    expect(parseCalendarLines('元旦 2027-01-01', 2027)).toEqual({ error: expect.stringContaining('第 1 行') })
    expect(parseWorkingDays('')).toEqual({ value: null })
    expect(parseWorkingDays('15')).toEqual({ value: 15 })
    for (const bad of ['0', '366', '1.5', '-3', '七']) expect(parseWorkingDays(bad)).toEqual({ error: expect.any(String) })
  })
})
