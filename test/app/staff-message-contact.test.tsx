// The staff item page of a citizen's message (issue 8): business, praise and photos, the phone
// masked with 查看完整号码 for those who may, and no identity at all on an anonymous tip-off.
import { fireEvent, render, screen } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { ItemDetail } from '@/domain'
import Item from '@/staff/pages/item/index'
import { session } from '@/services/session'
import { fakeServer, type SentRequest } from './support/network'

const ID = 'a0000000-0000-4000-8000-000000000009'
const staffUser = { id: 'u2', orgId: 'o1', name: '王宣传', roles: ['staff'], departmentId: null, departmentName: null }

const complaint: ItemDetail = {
  id: ID,
  kind: 'message',
  status: 'new',
  version: 1,
  category: 'complaint',
  title: null,
  body: '在惠民超市买到过期牛奶，要求退货被拒绝。',
  occurredAt: null,
  place: { address: '城关镇人民路 12 号', lat: 34.25, lng: 108.93 },
  departmentName: null,
  photos: [{ id: 'm0000001-0000-4000-8000-000000000000', url: '/api/media/m1/full?sig=f', thumbUrl: '/api/media/m1/thumb?sig=t', width: 1200, height: 900, bytes: 1, gps: null }],
  trackingCode: 'LY7K3Q9P',
  contactPhone: '138****5678',
  contactRevealable: true,
  anonymous: false,
  business: { name: '城关镇惠民超市', creditCode: '91350100M000100Y43' },
  praised: null,
  authorName: '张三',
  createdAt: '2026-11-25T03:00:00.000Z',
  acceptedAt: null,
  firstReplyAt: null,
  closedAt: null,
  lastActivityAt: '2026-11-25T03:00:00.000Z',
  allowedActions: ['accept', 'reject', 'merge'],
  timeline: [{ id: 'e1', action: 'create', fromStatus: null, toStatus: 'new', actorName: '张三', body: null, reason: null, at: '2026-11-25T03:00:00.000Z' }]
}

const PRESENCE = /\/presence$|\/duplicates$/
const itemServer = (detail: ItemDetail) =>
  fakeServer((req: SentRequest) => {
    if (PRESENCE.test(req.url)) return { statusCode: 200, data: req.url.endsWith('/duplicates') ? { candidates: [] } : { viewers: [] } }
    if (req.url.endsWith('/reveal-contact')) return { statusCode: 200, data: { phone: '13812345678' } }
    return { statusCode: 200, data: detail }
  })

beforeEach(() => {
  session.save({ token: 'tok-staff', user: staffUser as never })
  Current.router = { params: { id: ID }, path: '/staff/pages/item/index' } as never
})

test('shows the business, place and photos; 查看完整号码 asks the server and shows the full number', async () => {
  const sent = itemServer(complaint)
  const { container } = render(<Item />)
  expect(await screen.findByText('城关镇惠民超市（91350100M000100Y43）')).toBeInTheDocument()
  expect(screen.getByText('城关镇人民路 12 号（已标记位置）')).toBeInTheDocument()
  expect(screen.getByText('留言照片（1 张）')).toBeInTheDocument()
  expect(container.querySelectorAll('.zb-photo-grid__image')).toHaveLength(1)
  expect(screen.getByText('138****5678')).toBeInTheDocument()
  fireEvent.click(screen.getByText('查看完整号码'))
  expect(await screen.findByText('13812345678')).toBeInTheDocument()
  expect(sent.filter((r) => r.url.endsWith('/reveal-contact')).map((r) => r.method)).toEqual(['POST'])
  expect(screen.queryByText('查看完整号码')).toBeNull()
})

test('no reveal button for a role that may not, and an anonymous tip-off says it has no contact', async () => {
  itemServer({ ...complaint, contactRevealable: false })
  const first = render(<Item />)
  expect(await screen.findByText('138****5678')).toBeInTheDocument()
  expect(screen.queryByText('查看完整号码')).toBeNull()
  first.unmount()

  itemServer({ ...complaint, category: 'tipoff', anonymous: true, contactPhone: null, contactRevealable: false, authorName: '匿名举报人', business: null })
  render(<Item />)
  expect(await screen.findByText('匿名举报，无联系方式')).toBeInTheDocument()
  expect(screen.getByText('匿名举报人')).toBeInTheDocument()
})

test('a praise shows who is praised', async () => {
  itemServer({ ...complaint, category: 'praise', praised: '登记窗口刘科员', business: null, photos: [] })
  render(<Item />)
  expect(await screen.findByText('登记窗口刘科员')).toBeInTheDocument()
  expect(screen.getByText('表扬对象')).toBeInTheDocument()
})
