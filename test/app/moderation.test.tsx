import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Moderation from '@/staff/pages/moderation/index'
import { fakeServer } from './support/network'

// Issue 8: staff read what the content check held and approve or refuse it.
const held = {
  id: 'b0000000-0000-4000-8000-000000000001',
  kind: 'message',
  title: null,
  body: '某店铺疑似售卖违禁品，请核查',
  authorName: '张群众',
  note: '留言内容：微信内容检测：违法犯罪',
  createdAt: '2026-12-04T01:00:00.000Z'
}
const quarantined = { id: 'c0000000-0000-4000-8000-000000000001', moderation: 'quarantined', thumbUrl: null, itemId: null, label: '色情', createdAt: '2026-12-04T01:00:00.000Z' }

beforeEach(() => {
  jest.spyOn(Taro, 'showToast').mockImplementation((() => Promise.resolve()) as never)
})

test('shows held texts with the reason and quarantined images as 已隔离; 通过 approves and removes the text', async () => {
  const sent = fakeServer((req) =>
    req.method === 'POST' ? { statusCode: 200, data: { id: held.id, moderation: 'clear' } } : { statusCode: 200, data: { items: [held], media: [quarantined] } }
  )
  render(<Moderation />)
  expect(await screen.findByText('某店铺疑似售卖违禁品，请核查')).toBeInTheDocument()
  expect(screen.getByText('留言内容：微信内容检测：违法犯罪')).toBeInTheDocument()
  expect(screen.getByText('已隔离')).toBeInTheDocument()
  expect(document.querySelectorAll('img')).toHaveLength(0)
  fireEvent.click(screen.getByText('通过'))
  await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true))
  await waitFor(() => expect(screen.queryByText('某店铺疑似售卖违禁品，请核查')).toBeNull())
  expect(sent.filter((r) => r.method === 'POST').map((r) => [r.url.replace(/^.*\/api/, '/api'), r.data])).toEqual([[`/api/moderation/items/${held.id}`, { action: 'approve' }]])
})

test('an empty queue says so', async () => {
  fakeServer(() => ({ statusCode: 200, data: { items: [], media: [] } }))
  render(<Moderation />)
  expect(await screen.findByText('没有待审核的内容')).toBeInTheDocument()
})
