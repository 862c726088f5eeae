import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { getPageInstance } from '@tarojs/runtime'
import type { ItemDetail } from '@/domain'
import Inbox from '@/staff/pages/inbox/index'
import { ItemPanel } from '@/staff/components/item-panel'
import { PresenceNote } from '@/staff/components/presence-note'
import { session } from '@/services/session'
import type { DeskInboxItem } from '@/services/desk-api'
import { fakeServer, type FakeResponse, type SentRequest } from './support/network'
import { deskDetail, deskRow } from './support/desk-fixtures'

const me = { id: 'u2', orgId: 'o1', name: '王五', roles: ['staff'], departmentId: null, departmentName: null }
const NO_ROUTE = (req: SentRequest): FakeResponse => ({ statusCode: 404, data: { error: 'not_found', message: `没有这个接口：${req.method} ${req.url.split('?')[0]}` } })

/** The browser's EventSource, driven by the test: it records each stream the app opens. */
class FakeEventSource {
  static opened: FakeEventSource[] = []
  onopen: (() => void) | null = null
  onerror: (() => void) | null = null
  closed = false
  private listeners = new Map<string, ((e: { data: string }) => void)[]>()
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this)
  }
  addEventListener(type: string, fn: (e: { data: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn])
  }
  close() {
    this.closed = true
  }
  emit(type: string, data: unknown) {
    act(() => (this.listeners.get(type) ?? []).forEach((fn) => fn({ data: JSON.stringify(data) })))
  }
}
const SLOW = { timeout: 15_000 }
const stream = () => waitFor(() => {
  const s = FakeEventSource.opened.find((e) => !e.closed)
  if (!s) throw new Error('no open stream')
  return s
}, SLOW)

const row = deskRow({ id: 'a0000000-0000-4000-8000-0000000000a1' })
const detail = (version: number, status: ItemDetail['status'] = 'new'): ItemDetail =>
  deskDetail(row, { status, category: 'complaint', allowedActions: status === 'new' ? ['accept', 'reject'] : [], timeline: [], version })

function show() {
  const inst = getPageInstance('taro-app') as { componentDidShow?: (() => void) | (() => void)[] } | undefined
  ;[inst?.componentDidShow ?? []].flat().forEach((f) => f())
}

beforeEach(() => {
  session.save({ token: 'tok-staff', user: me as never })
  FakeEventSource.opened = []
  ;(globalThis as { EventSource?: unknown }).EventSource = FakeEventSource
  window.matchMedia = ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} })) as never
})
afterEach(() => {
  delete (globalThis as { EventSource?: unknown }).EventSource
})

test('PresenceNote names who has the item open, and says nothing when no one does', () => {
  const { rerender, container } = render(<PresenceNote viewers={[]} />)
  expect(container.textContent).toBe('')
  rerender(<PresenceNote viewers={[{ id: 'u3', name: '李四' }]} />)
  expect(screen.getByText('李四 正在处理')).toBeInTheDocument()
  rerender(<PresenceNote viewers={['李四', '赵六', '钱七'].map((name, i) => ({ id: `u${i + 3}`, name }))} />)
  expect(screen.getByText('李四等 3 人 正在处理')).toBeInTheDocument()
})

test('the inbox opens a stream with a ticket, patches a row on screen, and gathers new items under a bar', async () => {
  let inboxCalls = 0
  const sent = fakeServer((req) => {
    if (req.url.startsWith('/api/inbox?')) return { statusCode: 200, data: { items: inboxCalls++ === 0 ? [row] : [row, { ...row, id: 'a0000000-0000-4000-8000-0000000000a2', excerpt: '新来的留言' }], nextCursor: null } }
    if (req.url === '/api/inbox/events/ticket') return { statusCode: 200, data: { ticket: 'tkt.sig' } }
    return NO_ROUTE(req)
  })
  render(<Inbox />)
  show()
  await screen.findByText('东关夜市烧烤摊占道经营', {}, SLOW)
  const es = await stream()
  expect(es.url).toBe('/api/inbox/events?ticket=tkt.sig')
  // A JSON request needs a JSON body: the server answers an empty one with 400.
  expect(sent.find((r) => r.url === '/api/inbox/events/ticket')).toMatchObject({ method: 'POST', data: {} })

  // A colleague accepts the item on screen: its row follows, in place.
  es.emit('item-changed', { id: row.id, version: 2, status: 'accepted', kind: 'message' })
  const rowEl = () => screen.getByText('东关夜市烧烤摊占道经营').closest('.desk-row') as HTMLElement
  await waitFor(() => expect(within(rowEl()).getByText('已受理')).toBeInTheDocument(), SLOW)
  // A repeat of a version already seen changes nothing.
  es.emit('item-changed', { id: row.id, version: 2, status: 'new', kind: 'message' })
  expect(within(rowEl()).getByText('已受理')).toBeInTheDocument()

  // A new item: offered, not pushed into the list.
  es.emit('item-changed', { id: 'a0000000-0000-4000-8000-0000000000a2', version: 1, status: 'new', kind: 'message' })
  const bar = await screen.findByText('有 1 条新事项，点击查看', {}, SLOW)
  expect(screen.queryByText('新来的留言')).toBeNull()
  fireEvent.click(bar)
  await screen.findByText('新来的留言', {}, SLOW)
  expect(screen.queryByText(/条新事项/)).toBeNull()
})

test('a stream that fails is closed and reopened with a fresh ticket, and the page reloads', async () => {
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
  try {
    let tickets = 0
    let inboxCalls = 0
    fakeServer((req) => {
      if (req.url.startsWith('/api/inbox?')) return (inboxCalls++, { statusCode: 200, data: { items: [row], nextCursor: null } })
      if (req.url === '/api/inbox/events/ticket') return { statusCode: 200, data: { ticket: `t${++tickets}.sig` } }
      return NO_ROUTE(req)
    })
    render(<Inbox />)
    show()
    await screen.findByText('东关夜市烧烤摊占道经营', {}, SLOW)
    const first = await stream()
    act(() => first.onerror?.())
    expect(first.closed).toBe(true)
    await act(async () => void jest.advanceTimersByTime(2000))
    const second = await stream()
    expect(second.url).toBe('/api/inbox/events?ticket=t2.sig')
    act(() => second.onopen?.())
    // Changes made while it was down were not heard: the desk says so instead of guessing.
    await screen.findByText('列表有更新，点击刷新', {}, SLOW)
  } finally {
    jest.useRealTimers()
  }
})

test('usePresence: heartbeat while the item is open, others only, live arrivals, DELETE on leaving', async () => {
  const sent = fakeServer((req) => {
    if (req.url === `/api/items/${row.id}` && req.method === 'GET') return { statusCode: 200, data: detail(1) }
    if (req.url === `/api/items/${row.id}/presence` && req.method === 'PUT') return { statusCode: 200, data: { viewers: [{ id: 'u3', name: '李四' }] } }
    if (req.url === `/api/items/${row.id}/presence` && req.method === 'DELETE') return { statusCode: 204, data: '' }
    if (req.url === '/api/inbox/events/ticket') return { statusCode: 200, data: { ticket: 'p.sig' } }
    return NO_ROUTE(req)
  })
  const { unmount } = render(<ItemPanel id={row.id} />)
  await screen.findByText('李四 正在处理', {}, SLOW)
  const es = await stream()
  // Everyone on the item as the server says; the app leaves itself out.
  es.emit('presence', { itemId: row.id, viewers: [{ id: 'u2', name: '王五' }, { id: 'u3', name: '李四' }, { id: 'u4', name: '赵六' }] })
  await screen.findByText('李四、赵六 正在处理', {}, SLOW)
  es.emit('presence', { itemId: 'a0000000-0000-4000-8000-0000000000ff', viewers: [] })
  expect(screen.getByText('李四、赵六 正在处理')).toBeInTheDocument()
  es.emit('presence', { itemId: row.id, viewers: [{ id: 'u2', name: '王五' }] })
  await waitFor(() => expect(document.querySelector('.zb-presence-note')).toBeNull(), SLOW)
  unmount()
  await waitFor(() => expect(sent.filter((r) => r.url === `/api/items/${row.id}/presence`).map((r) => r.method)).toEqual(['PUT', 'DELETE']), SLOW)
  expect(sent.filter((r) => r.url === `/api/items/${row.id}/presence`).map((r) => r.data)).toEqual([{}, {}])
})
