import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { getPageInstance } from '@tarojs/runtime'
import type { ItemDetail } from '@/domain'
import Inbox from '@/staff/pages/inbox/index'
import { session } from '@/services/session'
import { resetBatchRouteForTests, type DeskInboxItem } from '@/services/desk-api'
import { commandFor } from '@/staff/components/shortcuts'
import { fakeServer, type FakeResponse, type SentRequest } from './support/network'
import { deskDetail, deskRow } from './support/desk-fixtures'

// The desk asks for counts, saved views, the bell and the calendar before its list; on a busy
// 2-core machine that takes more than one second.
configure({ asyncUtilTimeout: 5000 })

const staffUser = { id: 'u2', orgId: 'o1', name: '王宣传', roles: ['staff'], departmentId: null, departmentName: null }
const thumb = (n: number) => `/api/media/m${n}/thumb?exp=1&sig=t${n}`
const NO_ROUTE = (req: SentRequest): FakeResponse => ({ statusCode: 404, data: { error: 'not_found', message: `没有这个接口：${req.method} ${req.url.split('?')[0]}` } })

const caseRow: DeskInboxItem = {
  id: 'c0000000-0000-4000-8000-000000000001',
  kind: 'case',
  status: 'new',
  category: null,
  title: '城关市场开展节前食品安全检查',
  excerpt: '今天上午对城关农贸市场 32 户经营户开展检查',
  authorName: '李干部',
  thumbUrls: [thumb(1), thumb(2), thumb(3)],
  photoCount: 5,
  createdAt: '2026-11-25T03:00:00.000Z',
  lastActivityAt: '2026-11-25T03:00:00.000Z',
  bucket: 'open',
  departmentId: null,
  departmentName: null,
  assigneeId: null,
  assigneeName: null,
  priority: 0,
  topics: [],
  dueAt: null,
  match: null,
  version: 1,
}
const messageRow = deskRow()
const repliedRow: DeskInboxItem = { ...messageRow, id: 'a0000000-0000-4000-8000-000000000002', status: 'replied', excerpt: '城北菜市场电子秤缺斤短两' }

const detailOf = deskDetail

/** A page mounted on its own gets no Taro lifecycle: run its useDidShow handlers as showing the page would. */
function show() {
  const inst = getPageInstance('taro-app') as { componentDidShow?: (() => void) | (() => void)[] } | undefined
  ;[inst?.componentDidShow ?? []].flat().forEach((f) => f())
}

/** jsdom has no matchMedia: answer the desk breakpoint as a window of `width` would. */
function windowWidth(width: number) {
  window.matchMedia = ((query: string) => {
    const min = Number(/min-width:\s*(\d+)px/.exec(query)?.[1] ?? 0)
    return { matches: width >= min, media: query, addEventListener() {}, removeEventListener() {} }
  }) as never
}

const rowOf = (text: string) => screen.getByText(text).closest('.desk-row') as HTMLElement
const press = (key: string) => act(() => void fireEvent.keyDown(document.body, { key }))
const gets = (sent: SentRequest[]) => sent.filter((r) => r.method === 'GET').map((r) => r.url)

beforeEach(() => {
  session.save({ token: 'tok-staff', user: staffUser as never })
  resetBatchRouteForTests()
  windowWidth(390)
})

test('a row shows kind, headline, excerpt and status; a case also its thumbnails and photo count', async () => {
  fakeServer((req) => (req.url.startsWith('/api/inbox?') ? { statusCode: 200, data: { items: [caseRow, messageRow], nextCursor: null } } : NO_ROUTE(req)))
  render(<Inbox />)
  show()

  await screen.findByText('城关市场开展节前食品安全检查')
  const row = rowOf('城关市场开展节前食品安全检查')
  expect(within(row).getByText('事例')).toBeInTheDocument()
  // Case statuses have their own labels: `new` is 待处理 for a case, 待受理 for a message.
  expect(within(row).getByText('待处理')).toBeInTheDocument()
  expect(within(row).getByText('今天上午对城关农贸市场 32 户经营户开展检查')).toBeInTheDocument()
  expect(within(row).getByText(/李干部/)).toBeInTheDocument()
  expect(Array.from(row.querySelectorAll('.zb-thumbs__image')).map((i) => i.getAttribute('src'))).toEqual([thumb(1), thumb(2), thumb(3)])
  expect(within(row).getByText('共 5 张')).toBeInTheDocument()

  const message = rowOf('东关夜市烧烤摊占道经营')
  expect(within(message).getByText('投诉')).toBeInTheDocument()
  expect(within(message).getByText('待受理')).toBeInTheDocument()
  expect(within(message).getByText('未分派')).toBeInTheDocument()
  expect(message.querySelector('.zb-thumbs')).toBeNull()
})

test('without server views the desk offers its own; 典型事例 asks for cases and offers the case statuses', async () => {
  const sent = fakeServer((req) => (req.url.startsWith('/api/inbox?') ? { statusCode: 200, data: { items: [caseRow], nextCursor: null } } : NO_ROUTE(req)))
  render(<Inbox />)
  show()
  await screen.findByText('城关市场开展节前食品安全检查')
  const views = document.querySelector('.desk-shell__views') as HTMLElement
  expect(Array.from(views.querySelectorAll('.desk-shell__view-label')).map((v) => v.textContent)).toEqual(['全部', '待受理留言', '群众留言', '典型事例'])
  expect(screen.getByText('已答复')).toBeInTheDocument()

  fireEvent.click(within(views).getByText('典型事例'))
  expect(await screen.findByText('已存档')).toBeInTheDocument()
  expect(screen.queryByText('已答复')).toBeNull()
  fireEvent.click(screen.getByText('已存档'))
  await waitFor(() => expect(gets(sent)).toContain('/api/inbox?kind=case&status=archived&limit=20'))
  expect(gets(sent).filter((u) => u.startsWith('/api/inbox?'))).toEqual(['/api/inbox?limit=20', '/api/inbox?kind=case&limit=20', '/api/inbox?kind=case&status=archived&limit=20'])
})

test('server views show their live counts and are asked for by id, with the search words', async () => {
  const sent = fakeServer((req) => {
    if (req.url === '/api/inbox/counts') {
      return { statusCode: 200, data: { views: [{ id: 'mine', label: '我的待办', count: 3 }, { id: 'overdue', label: '已超期', count: 12 }] } }
    }
    if (req.url.includes('q=')) {
      // The server says where it matched: here in a reply, not in the excerpt.
      return { statusCode: 200, data: { items: [{ ...messageRow, match: { snippet: '…已联系夜市管理方…', ranges: [[4, 6]] } }], nextCursor: null } }
    }
    if (req.url.startsWith('/api/inbox?')) return { statusCode: 200, data: { items: [messageRow], nextCursor: null } }
    return NO_ROUTE(req)
  })
  render(<Inbox />)
  show()
  const overdue = (await screen.findByText('已超期', { selector: '.desk-shell__view-label' })).closest('.desk-shell__view') as HTMLElement
  expect(within(overdue).getByText('12')).toBeInTheDocument()
  await waitFor(() => expect(gets(sent)).toContain('/api/inbox?view=mine&limit=20'))

  fireEvent.click(overdue)
  await waitFor(() => expect(gets(sent)).toContain('/api/inbox?view=overdue&limit=20'))
  await waitFor(() => expect(document.querySelector('.desk__search input')).not.toBeNull())
  fireEvent.input(document.querySelector('.desk__search input') as HTMLInputElement, { target: { value: '夜市' } })
  fireEvent.click(screen.getByText('搜索'))
  await waitFor(() => expect(gets(sent)).toContain(`/api/inbox?view=overdue&q=${encodeURIComponent('夜市')}&limit=20`))
  // The server's snippet replaces the excerpt, its match marked.
  expect(await screen.findByText('夜市', { selector: '.zb-highlighted__match' })).toBeInTheDocument()
  expect(document.querySelector('.desk-row__excerpt')?.textContent).toBe('…已联系夜市管理方…')
})

test('at a desk: j/k move, Enter opens the item beside the list, e accepts it with the table’s action', async () => {
  windowWidth(1440)
  const detail = detailOf(messageRow)
  const sent = fakeServer((req) => {
    if (req.url.startsWith('/api/inbox?')) return { statusCode: 200, data: { items: [caseRow, messageRow], nextCursor: null } }
    if (req.url === `/api/items/${messageRow.id}` && req.method === 'GET') return { statusCode: 200, data: detail }
    if (req.url === `/api/items/${messageRow.id}/actions`) {
      return { statusCode: 200, data: { ...detail, status: 'accepted', allowedActions: ['start', 'reply'] } }
    }
    return NO_ROUTE(req)
  })
  render(<Inbox />)
  show()
  await screen.findByText('东关夜市烧烤摊占道经营')
  expect(screen.getByText(/在左侧选择一条留言或事例/)).toBeInTheDocument()
  expect(rowOf('城关市场开展节前食品安全检查')).toHaveClass('desk-row--cursor')

  press('j')
  await waitFor(() => expect(rowOf('东关夜市烧烤摊占道经营')).toHaveClass('desk-row--cursor'))
  press('k')
  press('j')
  press('Enter')
  const pane = document.querySelector('.desk__detail') as HTMLElement
  expect(await within(pane).findByText('东关夜市烧烤摊占道经营（全文）')).toBeInTheDocument()
  expect(rowOf('东关夜市烧烤摊占道经营')).toHaveClass('desk-row--open')

  press('e')
  await waitFor(() => expect(sent.filter((r) => r.method === 'POST').map((r) => [r.url, r.data])).toEqual([[`/api/items/${messageRow.id}/actions`, { action: 'accept' }]]))
  // The row follows: its tag now says 已受理.
  await waitFor(() => expect(within(rowOf('东关夜市烧烤摊占道经营')).getByText('已受理')).toBeInTheDocument())
})

test('keys typed into a field are text, not shortcuts; ? opens the help and Esc closes it', async () => {
  windowWidth(1440)
  fakeServer((req) => (req.url.startsWith('/api/inbox?') ? { statusCode: 200, data: { items: [caseRow, messageRow], nextCursor: null } } : NO_ROUTE(req)))
  render(<Inbox />)
  show()
  await screen.findByText('东关夜市烧烤摊占道经营')
  const input = await waitFor(() => {
    const el = document.querySelector<HTMLInputElement>('.desk__search input')
    if (!el) throw new Error('not yet')
    return el
  })
  act(() => void fireEvent.keyDown(input, { key: 'j' }))
  expect(rowOf('城关市场开展节前食品安全检查')).toHaveClass('desk-row--cursor')

  press('?')
  expect(await screen.findByText('快捷键帮助')).toBeInTheDocument()
  press('Escape')
  await waitFor(() => expect(screen.queryByText('快捷键帮助')).toBeNull())
  expect(commandFor({ key: 'J', inField: false, modified: false })).toBe('next')
  expect(commandFor({ key: 'r', inField: false, modified: true })).toBeNull()
})

test('a batch 受理 goes item by item when there is no batch route, with one result per item', async () => {
  const sent = fakeServer((req) => {
    if (req.url.startsWith('/api/inbox?')) return { statusCode: 200, data: { items: [messageRow, repliedRow], nextCursor: null } }
    if (req.url === `/api/items/${messageRow.id}/actions`) return { statusCode: 200, data: detailOf(messageRow, { status: 'accepted' }) }
    if (req.url === `/api/items/${repliedRow.id}/actions`) return { statusCode: 409, data: { error: 'conflict', message: '当前状态为“已答复”，不能受理' } }
    return NO_ROUTE(req)
  })
  render(<Inbox />)
  show()
  await screen.findByText('东关夜市烧烤摊占道经营')
  for (const text of ['东关夜市烧烤摊占道经营', '城北菜市场电子秤缺斤短两']) {
    fireEvent.click(rowOf(text).querySelector('.desk-row__check') as HTMLElement)
  }
  expect(await screen.findByText('已选 2 条')).toBeInTheDocument()
  fireEvent.click(within(document.querySelector('.batch-bar__actions') as HTMLElement).getByText('受理'))

  expect(await screen.findByText('批量受理：1 条成功，1 条未完成')).toBeInTheDocument()
  expect(screen.getByText(/当前状态为“已答复”，不能受理/)).toBeInTheDocument()
  const posts = sent.filter((r) => r.method === 'POST').map((r) => r.url)
  expect(posts[0]).toBe('/api/items/batch')
  expect(posts.slice(1).sort()).toEqual([`/api/items/${messageRow.id}/actions`, `/api/items/${repliedRow.id}/actions`].sort())
})
