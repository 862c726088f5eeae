import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { session } from '@/services/session'
import { PeopleSection } from '@/admin/sections/people'
import type { AdminPersonView } from '@/admin/services/admin-api'
import { fakeServer, type FakeResponse, type SentRequest } from './support/network'
import { typeInto } from './support/dom'

const adminUser = { id: 'u-admin', orgId: 'o1', name: '管理员甲', roles: ['citizen', 'admin'], departmentId: null, departmentName: null }
beforeEach(() => session.save({ token: 'tok-admin', user: adminUser as never }))
afterEach(() => jest.restoreAllMocks())

const DEPARTMENTS = [
  { id: 'd1', name: '城关所' },
  { id: 'd2', name: '执法大队' }
]
const person = (i: number, extra: Partial<AdminPersonView> = {}): AdminPersonView => ({
  id: `u-${String(i).padStart(3, '0')}`,
  name: `干部${String(i).padStart(3, '0')}`,
  roles: ['citizen', 'officer'],
  department: DEPARTMENTS[i % 2]!,
  disabled: false,
  username: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  ...extra
})
const FIRST = Array.from({ length: 50 }, (_, i) => person(i))
const SECOND = Array.from({ length: 3 }, (_, i) => person(50 + i))

/** The query of a request to the people list, as the server reads it. */
const queryOf = (req: SentRequest) => Object.fromEntries(new URL(req.url, 'http://x').searchParams)
const isPeople = (req: SentRequest) => req.method === 'GET' && req.url.startsWith('/api/admin/people')
const peopleRequests = (sent: SentRequest[]) => sent.filter(isPeople).map(queryOf)
const departments = (req: SentRequest): FakeResponse | null => (req.url === '/api/admin/departments' ? { statusCode: 200, data: { departments: DEPARTMENTS } } : null)
const NO_ROUTE: FakeResponse = { statusCode: 404, data: { error: 'not_found', message: '没有这个接口' } }
const rows = () => Array.from(document.querySelectorAll('.admin-person .admin-person__name')).map((n) => n.textContent)
const searchField = () => document.querySelector('[aria-label="搜索人员"]')
const chip = (group: string, label: string) => within(document.querySelector(`[aria-label="${group}"]`) as HTMLElement).getByText(label)

describe('人员: a page at a time', () => {
  test('加载更多 asks for the next page with its cursor and adds it below; at the end it says so', async () => {
    const sent = fakeServer((req) => {
      if (isPeople(req)) return { statusCode: 200, data: queryOf(req).cursor === 'c-50' ? { people: SECOND, nextCursor: null } : { people: FIRST, nextCursor: 'c-50' } }
      return departments(req) ?? NO_ROUTE
    })
    render(<PeopleSection />)
    expect(await screen.findByText('干部049')).toBeInTheDocument()
    expect(rows()).toHaveLength(50)
    expect(screen.getByText('已显示 50 人')).toBeInTheDocument()
    expect(screen.queryByText('干部050')).toBeNull()

    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('干部052')).toBeInTheDocument()
    expect(rows()).toEqual([...FIRST, ...SECOND].map((p) => p.name))
    expect(screen.getByText('已显示 53 人，没有更多了')).toBeInTheDocument()
    expect(screen.queryByText('加载更多')).toBeNull()
    expect(peopleRequests(sent)).toEqual([{}, { cursor: 'c-50' }])
  })

  test('a next page that fails keeps what is shown and offers 重试; a refused cursor starts again from the first page', async () => {
    let answer: 'fail' | 'refuse' | 'ok' = 'fail'
    const sent = fakeServer((req) => {
      if (!isPeople(req)) return departments(req) ?? NO_ROUTE
      if (!queryOf(req).cursor) return { statusCode: 200, data: { people: FIRST, nextCursor: 'c-50' } }
      if (answer === 'fail') return { statusCode: 503, data: { error: 'service_unavailable', message: '服务暂时不可用' } }
      if (answer === 'refuse') return { statusCode: 400, data: { error: 'bad_cursor', message: '翻页游标无效，请从第一页重新加载', field: 'cursor' } }
      return { statusCode: 200, data: { people: SECOND, nextCursor: null } }
    })
    render(<PeopleSection />)
    await screen.findByText('干部049')
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('服务暂时不可用')).toBeInTheDocument()
    expect(rows()).toHaveLength(50)

    answer = 'refuse'
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('翻页游标无效，请从第一页重新加载')).toBeInTheDocument()
    fireEvent.click(screen.getByText('从第一页重新加载'))
    await waitFor(() => expect(screen.getByText('加载更多')).toBeInTheDocument())
    expect(peopleRequests(sent)).toEqual([{}, { cursor: 'c-50' }, { cursor: 'c-50' }, {}])

    answer = 'ok'
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('干部052')).toBeInTheDocument()
    expect(rows()).toHaveLength(53)
  })
})

describe('人员: search and filters', () => {
  test('搜索 sends the trimmed words; role and department chips narrow it; each change starts from the first page', async () => {
    const wang = person(900, { name: '王芳', roles: ['citizen', 'staff'], department: null })
    const sent = fakeServer((req) => {
      if (!isPeople(req)) return departments(req) ?? NO_ROUTE
      const q = queryOf(req)
      if (q.q === '王芳') return { statusCode: 200, data: { people: [wang], nextCursor: null } }
      if (q.q) return { statusCode: 200, data: { people: [], nextCursor: null } }
      return { statusCode: 200, data: { people: FIRST, nextCursor: 'c-50' } }
    })
    render(<PeopleSection />)
    await screen.findByText('干部049')
    fireEvent.click(screen.getByText('加载更多'))
    await waitFor(() => expect(peopleRequests(sent)).toHaveLength(2))

    await typeInto(searchField(), ' 王芳 ')
    fireEvent.click(screen.getByText('搜索'))
    expect(await screen.findByText('王芳')).toBeInTheDocument()
    await waitFor(() => expect(rows()).toEqual(['王芳']))
    expect(screen.getByText('已显示 1 人，没有更多了')).toBeInTheDocument()

    fireEvent.click(chip('按角色筛选', '宣传人员'))
    await waitFor(() => expect(peopleRequests(sent)).toHaveLength(4))
    fireEvent.click(chip('按部门筛选', '未分部门'))
    await waitFor(() => expect(peopleRequests(sent)).toHaveLength(5))
    fireEvent.click(chip('按部门筛选', '执法大队'))
    await waitFor(() => expect(peopleRequests(sent)).toHaveLength(6))
    expect(peopleRequests(sent).slice(2)).toEqual([
      { q: '王芳' },
      { q: '王芳', role: 'staff' },
      { q: '王芳', role: 'staff', departmentId: 'none' },
      { q: '王芳', role: 'staff', departmentId: 'd2' }
    ])

    // 清除筛选: everything back to the whole list, first page.
    fireEvent.click(screen.getByText('清除筛选'))
    expect(await screen.findByText('干部049')).toBeInTheDocument()
    expect(peopleRequests(sent).at(-1)).toEqual({})
    expect((searchField()!.querySelector('input') as HTMLInputElement).value).toBe('')
  })

  test('an answer to an earlier filter that arrives late is not shown under the later one', async () => {
    const pending: { query: Record<string, string>; resolve: (r: FakeResponse) => void }[] = []
    jest.spyOn(Taro, 'request').mockImplementation(((opts: Taro.request.Option) => {
      const req: SentRequest = { url: opts.url, method: opts.method ?? 'GET', data: opts.data, header: {} }
      const answered = (r: FakeResponse) => ({ ...r, header: {}, cookies: [], errMsg: 'request:ok' })
      if (!isPeople(req)) return Promise.resolve(answered(departments(req) ?? NO_ROUTE))
      return new Promise((resolve) => pending.push({ query: queryOf(req), resolve: (r) => resolve(answered(r)) }))
    }) as unknown as typeof Taro.request)
    render(<PeopleSection />)
    await waitFor(() => expect(pending).toHaveLength(1))
    pending[0]!.resolve({ statusCode: 200, data: { people: FIRST.slice(0, 2), nextCursor: null } })
    await screen.findByText('干部001')

    fireEvent.click(chip('按角色筛选', '基层干部'))
    fireEvent.click(chip('按角色筛选', '管理员'))
    await waitFor(() => expect(pending).toHaveLength(3))
    expect(pending.map((p) => p.query.role)).toEqual([undefined, 'officer', 'admin'])
    pending[2]!.resolve({ statusCode: 200, data: { people: [person(1, { name: '管理员甲', roles: ['citizen', 'admin'] })], nextCursor: null } })
    await screen.findByText('管理员甲')
    // The late answer, and one macrotask: every promise step behind it (a chain of microtasks) has
    // run by then, and act renders whatever it set.
    await act(async () => {
      pending[1]!.resolve({ statusCode: 200, data: { people: [person(7, { name: '迟到的干部' })], nextCursor: null } })
      await new Promise((r) => setTimeout(r, 0))
    })
    expect(rows()).toEqual(['管理员甲'])
  })
})

describe('人员: empty and failed', () => {
  test('no one at all invites; no one matching says so and offers 清除筛选', async () => {
    fakeServer((req) => (isPeople(req) ? { statusCode: 200, data: { people: [], nextCursor: null } } : (departments(req) ?? NO_ROUTE)))
    render(<PeopleSection />)
    expect(await screen.findByText('还没有工作人员：先用邀请码邀请同事')).toBeInTheDocument()
    expect(screen.queryByText('加载更多')).toBeNull()
    await typeInto(searchField(), '不存在的人')
    fireEvent.click(screen.getByText('搜索'))
    expect(await screen.findByText('没有符合条件的人员')).toBeInTheDocument()
    expect(screen.getByText('清除筛选')).toBeInTheDocument()
  })

  test('a failed first page shows the error with 重试, and 重试 loads it', async () => {
    let fail = true
    fakeServer((req) => {
      if (!isPeople(req)) return departments(req) ?? NO_ROUTE
      return fail ? { statusCode: 503, data: { error: 'service_unavailable', message: '服务暂时不可用' } } : { statusCode: 200, data: { people: FIRST.slice(0, 1), nextCursor: null } }
    })
    render(<PeopleSection />)
    expect(await screen.findByText('服务暂时不可用')).toBeInTheDocument()
    expect(screen.getByText('加载失败')).toBeInTheDocument()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('干部000')).toBeInTheDocument()
  })

  test('a 403 is shown without 重试: asking again cannot help', async () => {
    fakeServer((req) => (isPeople(req) ? { statusCode: 403, data: { error: 'forbidden', message: '您没有权限进行此操作' } } : (departments(req) ?? NO_ROUTE)))
    render(<PeopleSection />)
    expect(await screen.findByText('您没有权限进行此操作')).toBeInTheDocument()
    expect(screen.queryByText('重试')).toBeNull()
  })
})
