import { fireEvent, render, screen, within } from '@testing-library/react'
import { getPageInstance } from '@tarojs/runtime'
import type { InboxItem } from '@/domain'
import Inbox from '@/staff/pages/inbox/index'
import { session } from '@/services/session'
import { fakeServer } from './support/network'

const staffUser = { id: 'u2', orgId: 'o1', name: '王宣传', roles: ['staff'], departmentId: null, departmentName: null }
const thumb = (n: number) => `/api/media/m${n}/thumb?exp=1&sig=t${n}`

const caseRow: InboxItem = {
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
  version: 1,
  topics: [],
  dueAt: null,
  match: null,
}
const messageRow: InboxItem = {
  id: 'a0000000-0000-4000-8000-000000000001',
  kind: 'message',
  status: 'new',
  category: 'complaint',
  title: null,
  excerpt: '东关夜市烧烤摊占道经营',
  authorName: '张三',
  thumbUrls: [],
  photoCount: 0,
  createdAt: '2026-11-25T02:00:00.000Z',
  lastActivityAt: '2026-11-25T02:00:00.000Z',
  bucket: 'open',
  departmentId: null,
  departmentName: null,
  assigneeId: null,
  assigneeName: null,
  priority: 0,
  version: 1,
  topics: [],
  dueAt: null,
  match: null,
}

/** A page mounted on its own gets no Taro lifecycle: run its useDidShow handlers as showing the page would. */
function show() {
  const inst = getPageInstance('taro-app') as { componentDidShow?: (() => void) | (() => void)[] } | undefined
  ;[inst?.componentDidShow ?? []].flat().forEach((f) => f())
}

const rowOf = (text: string) => screen.getByText(text).closest('.inbox__row') as HTMLElement

beforeEach(() => {
  session.save({ token: 'tok-staff', user: staffUser as never })
})

test('a case row shows its title, author, excerpt, up to 3 thumbnails and the photo count', async () => {
  fakeServer(() => ({ statusCode: 200, data: { items: [caseRow, messageRow], nextCursor: null } }))
  render(<Inbox />)
  show()

  await screen.findByText('城关市场开展节前食品安全检查')
  const row = rowOf('城关市场开展节前食品安全检查')
  expect(within(row).getByText('典型事例')).toBeInTheDocument()
  // Case statuses have their own labels: `new` is 待处理 for a case, 待受理 for a message.
  expect(within(row).getByText('待处理')).toBeInTheDocument()
  expect(within(row).getByText('今天上午对城关农贸市场 32 户经营户开展检查')).toBeInTheDocument()
  expect(within(row).getByText(/李干部/)).toBeInTheDocument()
  const images = Array.from(row.querySelectorAll('.zb-thumbs__image'))
  expect(images.map((i) => i.getAttribute('src'))).toEqual([thumb(1), thumb(2), thumb(3)])
  expect(within(row).getByText('共 5 张')).toBeInTheDocument()

  const message = rowOf('东关夜市烧烤摊占道经营')
  expect(within(message).getByText('投诉')).toBeInTheDocument()
  expect(within(message).getByText('待受理')).toBeInTheDocument()
  expect(message.querySelector('.zb-thumbs')).toBeNull()
})

test('no 共 N 张 when every photo is shown', async () => {
  fakeServer(() => ({ statusCode: 200, data: { items: [{ ...caseRow, thumbUrls: [thumb(1), thumb(2)], photoCount: 2 }], nextCursor: null } }))
  render(<Inbox />)
  show()
  await screen.findByText('城关市场开展节前食品安全检查')
  expect(screen.queryByText(/^共 \d+ 张$/)).toBeNull()
})

test('典型事例 asks for cases only and offers the case statuses as filters', async () => {
  const sent = fakeServer(() => ({ statusCode: 200, data: { items: [caseRow], nextCursor: null } }))
  render(<Inbox />)
  show()
  await screen.findByText('城关市场开展节前食品安全检查')
  expect(screen.getByText('已答复')).toBeInTheDocument()
  expect(screen.queryByText('已存档')).toBeNull()

  fireEvent.click(screen.getByText('典型事例', { selector: '.inbox__kind' }))
  expect(await screen.findByText('已存档')).toBeInTheDocument()
  expect(screen.queryByText('已答复')).toBeNull()
  fireEvent.click(screen.getByText('已存档'))
  await screen.findByText('城关市场开展节前食品安全检查')

  expect(sent.map((r) => r.url)).toEqual(['/api/inbox?limit=20', '/api/inbox?kind=case&limit=20', '/api/inbox?kind=case&status=archived&limit=20'])
})
