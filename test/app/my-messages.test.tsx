import { fireEvent, render, screen, within } from '@testing-library/react'
import type { MessageStatus, MyMessageView } from '@/domain'
import MyMessages from '@/citizen/pages/my-messages/index'
import { fakeServer } from './support/network'

const event = (id: string, action: string, fromStatus: MessageStatus | null, toStatus: MessageStatus, at: string) => ({
  id,
  action,
  fromStatus,
  toStatus,
  actorName: null,
  body: null,
  reason: null,
  at
})

const replied: MyMessageView = {
  id: 'a0000000-0000-4000-8000-000000000001',
  trackingCode: 'LY7K3Q9P',
  category: 'complaint',
  body: '某超市销售过期牛奶',
  status: 'replied',
  createdAt: '2025-11-20T01:30:00.000Z',
  reply: { body: '经核查属实，已责令下架并立案调查。', at: '2025-11-21T06:05:00.000Z', byName: '宣传科' },
  timeline: [
    event('e1', 'create', null, 'new', '2025-11-20T01:30:00.000Z'),
    event('e2', 'accept', 'new', 'accepted', '2025-11-20T02:00:00.000Z'),
    event('e3', 'reply', 'accepted', 'replied', '2025-11-21T06:05:00.000Z')
  ]
}

const waiting: MyMessageView = {
  id: 'a0000000-0000-4000-8000-000000000002',
  trackingCode: 'ZX2M8R4T',
  category: 'question',
  body: '个体户营业执照怎么办理？',
  status: 'new',
  createdAt: '2025-11-22T00:00:00.000Z',
  reply: null,
  timeline: [event('e4', 'create', null, 'new', '2025-11-22T00:00:00.000Z')]
}

const cardOf = (text: string) => screen.getByText(text).closest('.my-messages__item') as HTMLElement

test('shows each message with its status label, the reply, and the public timeline with times', async () => {
  const sent = fakeServer(() => ({ statusCode: 200, data: { items: [replied, waiting] } }))
  render(<MyMessages />)

  await screen.findByText('某超市销售过期牛奶')
  const done = cardOf('某超市销售过期牛奶')
  expect(within(done).getByText('投诉')).toBeInTheDocument()
  expect(within(done).getByText('已答复')).toBeInTheDocument()
  expect(within(done).getByText('经核查属实，已责令下架并立案调查。')).toBeInTheDocument()
  // received → accepted → replied, in order, in local (Beijing) time
  const steps = Array.from(done.querySelectorAll('.zb-timeline__event')).map((e) => e.textContent)
  expect(steps).toEqual(['提交留言2025-11-20 09:30', '受理2025-11-20 10:00', '答复2025-11-21 14:05'])

  const open = cardOf('个体户营业执照怎么办理？')
  expect(within(open).getByText('待受理')).toBeInTheDocument()
  expect(within(open).queryByText('答复')).toBeNull()

  expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/messages/mine'])
})

test('says so when there are no messages yet', async () => {
  fakeServer(() => ({ statusCode: 200, data: { items: [] } }))
  render(<MyMessages />)
  expect(await screen.findByText('您还没有留言')).toBeInTheDocument()
})

test('shows the error with 重试, and retrying loads the list', async () => {
  let calls = 0
  fakeServer(() =>
    ++calls === 1
      ? { statusCode: 500, data: { error: 'internal', message: '服务器开小差了，请稍后再试' } }
      : { statusCode: 200, data: { items: [waiting] } }
  )
  render(<MyMessages />)
  expect(await screen.findByText('服务器开小差了，请稍后再试')).toBeInTheDocument()
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('个体户营业执照怎么办理？')).toBeInTheDocument()
  expect(screen.queryByText('重试')).toBeNull()
})

test('a merged message says where it went, with that message’s status, reply and progress', async () => {
  const merged: MyMessageView = {
    ...waiting,
    id: 'a0000000-0000-4000-8000-000000000003',
    trackingCode: 'HB5N2K7W',
    body: '南街菜市场的秤不准',
    status: 'merged',
    timeline: [event('e5', 'create', null, 'new', '2025-11-22T00:00:00.000Z'), event('e6', 'merge', 'new', 'merged', '2025-11-22T02:00:00.000Z')],
    mergedInto: {
      id: 'a0000000-0000-4000-8000-000000000004',
      trackingCode: 'LY7K3Q9P',
      status: 'replied',
      reply: { body: '已对该摊位的秤进行检定，责令整改。', at: '2025-11-23T06:00:00.000Z', byName: '县市场监管局' },
      timeline: [event('e7', 'create', null, 'new', '2025-11-21T00:00:00.000Z'), event('e8', 'reply', 'new', 'replied', '2025-11-23T06:00:00.000Z')]
    }
  }
  fakeServer(() => ({ statusCode: 200, data: { items: [merged, waiting] } }))
  render(<MyMessages />)

  await screen.findByText('南街菜市场的秤不准')
  const card = cardOf('南街菜市场的秤不准')
  expect(within(card).getByText('已合并')).toBeInTheDocument()
  const note = card.querySelector('.my-messages__merged') as HTMLElement
  expect(within(note).getByText('已合并到 留言码 LY7K3Q9P')).toBeInTheDocument()
  expect(within(note).getByText('已答复')).toBeInTheDocument()
  expect(within(note).getByText('已对该摊位的秤进行检定，责令整改。')).toBeInTheDocument()
  expect(Array.from(note.querySelectorAll('.zb-timeline__event')).map((e) => e.textContent)).toEqual(['提交留言2025-11-21 08:00', '答复2025-11-23 14:00'])
  // The message's own history records the merge in words.
  const own = Array.from(card.querySelectorAll('.zb-timeline__event')).filter((e) => !note.contains(e))
  expect(own.map((e) => e.textContent)).toEqual(['提交留言2025-11-22 08:00', '合并2025-11-22 10:00'])
  // A message that was not merged has no such note.
  expect(cardOf('个体户营业执照怎么办理？').querySelector('.my-messages__merged')).toBeNull()
})

test('a message the content check held says 审核中 to its author; a refused one says why it will not be handled', async () => {
  fakeServer(() => ({ statusCode: 200, data: { items: [{ ...waiting, moderation: 'held' }, { ...replied, id: 'a0000000-0000-4000-8000-000000000003', body: '被拒的留言', moderation: 'rejected' }] } }))
  render(<MyMessages />)
  const held = cardOf(await screen.findByText('个体户营业执照怎么办理？').then((e) => e.textContent!))
  expect(within(held).getByText(/^审核中：/)).toBeInTheDocument()
  expect(within(cardOf('被拒的留言')).getByText(/^未通过审核：/)).toBeInTheDocument()
  expect(within(cardOf('被拒的留言')).queryByText(/^审核中/)).toBeNull()
})
