import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import type { ItemDetail } from '@/domain'
import Item from '@/staff/pages/item/index'
import { session } from '@/services/session'
import { fakeServer, type SentRequest } from './support/network'
import { typeInto } from './support/dom'

const ID = 'c0000000-0000-4000-8000-000000000001'
const staffUser = { id: 'u2', orgId: 'o1', name: '王宣传', roles: ['staff'], departmentId: null, departmentName: null }

const photo = (n: number, takenAt?: string) => ({
  id: `m000000${n}-0000-4000-8000-000000000000`,
  url: `/api/media/m${n}/full?exp=1&sig=f${n}`,
  thumbUrl: `/api/media/m${n}/thumb?exp=1&sig=t${n}`,
  width: 1200,
  height: 900,
  bytes: 200_000,
  gps: null,
  ...(takenAt ? { takenAt } : {})
})

const newCase: ItemDetail = {
  id: ID,
  kind: 'case',
  status: 'new',
  category: null,
  title: '城关市场开展节前食品安全检查',
  body: '今天上午对城关农贸市场 32 户经营户开展检查，发现 2 户未索证索票，已责令整改。',
  occurredAt: '2026-11-25T02:00:00.000Z',
  place: { address: '城关镇农贸市场', lat: 34.25, lng: 108.93 },
  departmentName: '城关市场监管所',
  photos: [photo(1, '2026-11-25T02:05:00.000Z'), photo(2)],
  trackingCode: null,
  contactPhone: null,
  authorName: '李干部',
  createdAt: '2026-11-25T03:00:00.000Z',
  acceptedAt: null,
  firstReplyAt: null,
  closedAt: null,
  lastActivityAt: '2026-11-25T03:00:00.000Z',
  allowedActions: ['accept', 'return', 'archive'],
  timeline: [{ id: 'e1', action: 'create', fromStatus: null, toStatus: 'new', actorName: '李干部', body: null, reason: null, at: '2026-11-25T03:00:00.000Z' }]
}

const returned: ItemDetail = {
  ...newCase,
  status: 'returned',
  allowedActions: [],
  timeline: [
    ...newCase.timeline,
    { id: 'e2', action: 'return', fromStatus: 'new', toStatus: 'returned', actorName: '王宣传', body: '请补充整改照片', reason: null, at: '2026-11-25T04:00:00.000Z' }
  ]
}

// The item panel also tells the server who has it open (presence, src/staff/services/use-live.ts):
// live traffic beside the item's own, answered here with no one else looking.
const PRESENCE = /\/presence$/
const itemServer = (answer: Parameters<typeof fakeServer>[0]) =>
  fakeServer((req) => (PRESENCE.test(req.url) ? { statusCode: 200, data: { viewers: [] } } : answer(req)))
const actionPosts = (sent: SentRequest[]) => sent.filter((r) => r.method === 'POST' && r.url.endsWith('/actions'))

beforeEach(() => {
  session.save({ token: 'tok-staff', user: staffUser as never })
  Current.router = { params: { id: ID }, path: '/staff/pages/item/index' } as never
})

test('a case shows its title, when and where, department, author, photos and the case actions', async () => {
  const sent = itemServer(() => ({ statusCode: 200, data: newCase }))
  const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'previewImage:ok' })
  const { container } = render(<Item />)

  expect(await screen.findByText('城关市场开展节前食品安全检查')).toBeInTheDocument()
  // The item, then (once shown) whether it may be a duplicate; nothing else.
  expect(sent.filter((r) => !PRESENCE.test(r.url)).map((r) => `${r.method} ${r.url}`)).toEqual([`GET /api/items/${ID}`, `GET /api/items/${ID}/duplicates`])
  expect(screen.getByText('待处理')).toBeInTheDocument()
  expect(screen.getByText('发生时间')).toBeInTheDocument()
  expect(screen.getByText('2026-11-25 10:00')).toBeInTheDocument()
  expect(screen.getByText('城关镇农贸市场')).toBeInTheDocument()
  expect(screen.getByText('34.25000, 108.93000')).toBeInTheDocument()
  expect(screen.getByText('城关市场监管所')).toBeInTheDocument()
  expect(screen.getByText('报送人')).toBeInTheDocument()

  // Thumbnails in the grid; the capture time only under the photo that has one.
  const grid = container.querySelector('.zb-photo-grid') as HTMLElement
  const images = Array.from(grid.querySelectorAll('.zb-photo-grid__image'))
  expect(images.map((i) => i.getAttribute('src'))).toEqual([newCase.photos[0].thumbUrl, newCase.photos[1].thumbUrl])
  expect(within(grid).getAllByText(/^拍摄于/).map((e) => e.textContent)).toEqual(['拍摄于 2026-11-25 10:05'])

  // A tap previews the full-size photos, starting at the one tapped.
  fireEvent.click(grid.querySelectorAll('.zb-photo-grid__frame')[1])
  expect(preview).toHaveBeenCalledWith({ urls: [newCase.photos[0].url, newCase.photos[1].url], current: newCase.photos[1].url })

  // The case machine's actions and labels, none of the message ones.
  expect(screen.getByText('采用为素材')).toBeInTheDocument()
  expect(screen.getByText('存档')).toBeInTheDocument()
  expect(screen.getAllByText('退回补充').length).toBeGreaterThan(0)
  expect(screen.queryByText('受理')).toBeNull()
  expect(screen.queryByText('答复群众')).toBeNull()
  expect(screen.getByText('提交事例')).toBeInTheDocument()
})

test('采用为素材 is one tap and sends the accept action', async () => {
  const sent = itemServer((req) => ({ statusCode: 200, data: req.method === 'POST' ? { ...newCase, status: 'accepted', allowedActions: [] } : newCase }))
  render(<Item />)
  fireEvent.click(await screen.findByText('采用为素材'))
  expect(await screen.findByText('已采用')).toBeInTheDocument()
  expect(actionPosts(sent).map((r) => r.data)).toEqual([{ action: 'accept' }])
})

test('退回补充 without a note shows a Chinese error and sends nothing; with a note it sends the note', async () => {
  const sent = itemServer((req) => ({ statusCode: 200, data: req.method === 'POST' ? returned : newCase }))
  const { container } = render(<Item />)
  await screen.findByText('城关市场开展节前食品安全检查')
  const form = container.querySelector('.item__return') as HTMLElement
  const submit = () => fireEvent.click(within(form).getAllByText('退回补充').at(-1) as HTMLElement)

  submit()
  expect(await within(form).findByText('请写明需要补充的内容')).toBeInTheDocument()
  await typeInto(form.querySelector('.item__note'), '   ')
  submit()
  expect(await within(form).findByText('请写明需要补充的内容')).toBeInTheDocument()
  expect(actionPosts(sent)).toHaveLength(0)

  await typeInto(form.querySelector('.item__note'), '  请补充整改照片 ')
  submit()
  // The returned case shows its status and the note in its history.
  expect(await screen.findByText('说明：请补充整改照片')).toBeInTheDocument()
  expect(actionPosts(sent).map((r) => r.data)).toEqual([{ action: 'return', note: '请补充整改照片' }])
  expect(screen.queryByText('采用为素材')).toBeNull()
})

test('存档 asks first and needs a reason, which is sent as the note; 取消 leaves the case as it was', async () => {
  const archived: ItemDetail = {
    ...newCase,
    status: 'archived',
    allowedActions: [],
    timeline: [
      ...newCase.timeline,
      { id: 'e3', action: 'archive', fromStatus: 'new', toStatus: 'archived', actorName: '王宣传', body: '与已采用的事例重复', reason: null, at: '2026-11-25T04:00:00.000Z' }
    ]
  }
  const sent = itemServer((req) => ({ statusCode: 200, data: req.method === 'POST' ? archived : newCase }))
  const { container } = render(<Item />)
  fireEvent.click(await screen.findByText('存档'))
  // One tap only opens the form: nothing is sent yet.
  expect(await screen.findByText('存档后这条事例不再处理，报送人会看到原因。')).toBeInTheDocument()
  expect(actionPosts(sent)).toHaveLength(0)
  fireEvent.click(screen.getByText('取消'))
  expect(screen.queryByText('确认存档')).toBeNull()

  fireEvent.click(screen.getByText('存档'))
  fireEvent.click(await screen.findByText('确认存档'))
  expect(await screen.findByText('请写明存档原因')).toBeInTheDocument()
  expect(actionPosts(sent)).toHaveLength(0)

  await typeInto(container.querySelector('.item__archive .item__note'), ' 与已采用的事例重复 ')
  fireEvent.click(screen.getByText('确认存档'))
  expect(await screen.findByText('已存档')).toBeInTheDocument()
  expect(actionPosts(sent).map((r) => r.data)).toEqual([{ action: 'archive', note: '与已采用的事例重复' }])
})

test('the page is titled for what it shows: 事例详情 for a case', async () => {
  itemServer(() => ({ statusCode: 200, data: newCase }))
  const title = jest.spyOn(Taro, 'setNavigationBarTitle').mockResolvedValue({ errMsg: 'setNavigationBarTitle:ok' } as never)
  render(<Item />)
  await screen.findByText('城关市场开展节前食品安全检查')
  expect(title).toHaveBeenCalledWith({ title: '事例详情' })
  expect(title).not.toHaveBeenCalledWith({ title: '留言详情' })
})

test.each([
  [403, 'forbidden', '您没有权限查看这条记录'],
  [404, 'not_found', '找不到这条记录']
])('a %i says why and offers no 重试 (asking again cannot help)', async (statusCode, error, message) => {
  itemServer(() => ({ statusCode, data: { error, message } }))
  render(<Item />)
  expect(await screen.findByText(message)).toBeInTheDocument()
  expect(screen.queryByText('重试')).toBeNull()
})

test('a server fault offers 重试, and retrying loads the case', async () => {
  let calls = 0
  itemServer(() => (++calls === 1 ? { statusCode: 503, data: { error: 'unavailable', message: '服务暂时不可用，请稍后再试' } } : { statusCode: 200, data: newCase }))
  render(<Item />)
  fireEvent.click(await screen.findByText('重试'))
  expect(await screen.findByText('城关市场开展节前食品安全检查')).toBeInTheDocument()
})

test('a photo whose time only the phone reported says so: 拍摄于 …（设备记录）; the server’s own reading wins', async () => {
  const deviceOnly = { ...photo(3), deviceTakenAt: '2026-11-25T02:05:00.000Z', deviceGps: { lat: 34.25, lng: 108.93 } }
  const both = { ...photo(4, '2026-11-25T02:10:00.000Z'), deviceTakenAt: '2026-11-25T02:00:00.000Z' }
  itemServer(() => ({ statusCode: 200, data: { ...newCase, photos: [deviceOnly, both] } }))
  const { container } = render(<Item />)
  await screen.findByText('城关市场开展节前食品安全检查')
  const grid = container.querySelector('.zb-photo-grid') as HTMLElement
  expect(within(grid).getAllByText(/^拍摄于/).map((e) => e.textContent)).toEqual(['拍摄于 2026-11-25 10:05（设备记录）', '拍摄于 2026-11-25 10:10'])
})
