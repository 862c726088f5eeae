import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { MessageStatus, MyMessageView, TrackView } from '@/domain'
import MyMessages from '@/citizen/pages/my-messages/index'
import Track from '@/citizen/pages/track/index'
import PrivacyNotice from '@/citizen/pages/privacy/index'
import { PRIVACY_SECTIONS } from '@/citizen/pages/privacy/notice'
import { fakeServer } from './support/network'
import { typeInto } from './support/dom'

const event = (id: string, action: string, fromStatus: MessageStatus | null, toStatus: MessageStatus, at: string, extra: object = {}) => ({
  id,
  action,
  fromStatus,
  toStatus,
  actorName: null,
  body: null,
  reason: null,
  at,
  ...extra
})

const replied: MyMessageView = {
  id: 'a0000000-0000-4000-8000-000000000001',
  trackingCode: 'LY7K3Q9P',
  category: 'complaint',
  body: '某超市销售过期牛奶',
  status: 'replied',
  createdAt: '2025-11-20T01:30:00.000Z',
  reply: { body: '已责令下架。', at: '2025-11-21T06:05:00.000Z', byName: '县市场监管局' },
  timeline: [event('e1', 'create', null, 'new', '2025-11-20T01:30:00.000Z'), event('e3', 'reply', 'accepted', 'replied', '2025-11-21T06:05:00.000Z')]
}
const fresh: MyMessageView = { ...replied, id: 'a0000000-0000-4000-8000-000000000002', body: '刚提交的留言', status: 'new', reply: null, timeline: [replied.timeline[0]!] }

describe('rating a reply in 我的留言', () => {
  test('a replied message offers 满意 / 基本满意 / 不满意; 不满意 sends the comment and asks for it to be handled again', async () => {
    const sent = fakeServer((req) =>
      req.url.includes('/rating')
        ? { statusCode: 200, data: { ...replied, status: 'reopened' } }
        : { statusCode: 200, data: { items: [replied, fresh] } }
    )
    render(<MyMessages />)
    await screen.findByText('某超市销售过期牛奶')
    const card = screen.getByText('某超市销售过期牛奶').closest('.my-messages__item') as HTMLElement
    expect(within(card).getByText('您对答复满意吗？')).toBeInTheDocument()
    // A message not yet answered has nothing to rate.
    const other = screen.getByText('刚提交的留言').closest('.my-messages__item') as HTMLElement
    expect(within(other).queryByText('您对答复满意吗？')).toBeNull()

    fireEvent.click(within(card).getByText('不满意'))
    await typeInto(card.querySelector('.my-messages__comment'), '牛奶还在卖')
    fireEvent.click(within(card).getByText('提交并申请重新办理'))
    await waitFor(() => expect(sent.filter((r) => r.url.includes('/rating'))).toHaveLength(1))
    const rating = sent.find((r) => r.url.includes('/rating'))!
    expect(rating.method).toBe('POST')
    expect(rating.url).toContain(`/api/messages/${replied.id}/rating`)
    expect(rating.data).toEqual({ rating: 'dissatisfied', comment: '牛奶还在卖' })
    // The list is read again to show where the message stands now.
    await waitFor(() => expect(sent.filter((r) => r.url.endsWith('/api/messages/mine'))).toHaveLength(2))
  })

  test('满意 closes without a comment', async () => {
    const sent = fakeServer((req) => (req.url.includes('/rating') ? { statusCode: 200, data: { ...replied, status: 'closed' } } : { statusCode: 200, data: { items: [replied] } }))
    render(<MyMessages />)
    await screen.findByText('某超市销售过期牛奶')
    fireEvent.click(screen.getByText('满意'))
    fireEvent.click(screen.getByText('提交评价并办结'))
    await waitFor(() => expect(sent.find((r) => r.url.includes('/rating'))?.data).toEqual({ rating: 'satisfied' }))
  })

  test('the timeline shows a rating and its comment', async () => {
    const rated = { ...replied, status: 'reopened' as const, timeline: [...replied.timeline, event('e4', 'reopen', 'replied', 'reopened', '2025-11-22T01:00:00.000Z', { rating: 'dissatisfied', body: '牛奶还在卖' })] }
    fakeServer(() => ({ statusCode: 200, data: { items: [rated] } }))
    render(<MyMessages />)
    expect(await screen.findByText('评价：不满意')).toBeInTheDocument()
    expect(screen.getByText('意见：牛奶还在卖')).toBeInTheDocument()
  })
})

describe('查询留言 without signing in', () => {
  const view: TrackView = {
    trackingCode: 'LY7K3Q9P',
    category: 'complaint',
    status: 'replied',
    createdAt: '2025-11-20T01:30:00.000Z',
    acceptedAt: '2025-11-20T02:00:00.000Z',
    firstReplyAt: '2025-11-21T06:05:00.000Z',
    closedAt: null,
    timeline: [event('e1', 'create', null, 'new', '2025-11-20T01:30:00.000Z'), event('e3', 'reply', 'accepted', 'replied', '2025-11-21T06:05:00.000Z', { actorName: '县市场监管局', body: '已责令下架。' })]
  }

  test('finds a message by its code, sends no token, and shows status and reply', async () => {
    const sent = fakeServer(() => ({ statusCode: 200, data: view }))
    render(<Track />)
    await typeInto(document.querySelector('.track__code'), 'ly7k3q9p')
    fireEvent.click(screen.getByText('查询'))
    expect(await screen.findByText('已责令下架。')).toBeInTheDocument()
    expect(screen.getByText('已答复')).toBeInTheDocument()
    expect(sent).toHaveLength(1)
    expect(sent[0]!.url).toMatch(/\/api\/track\/LY7K3Q9P$/)
    expect(sent[0]!.header.Authorization).toBeUndefined()
  })

  test('an unknown code shows the server’s words; a malformed one is caught before asking', async () => {
    const sent = fakeServer(() => ({ statusCode: 404, data: { error: 'not_found', message: '没有找到这个留言码对应的留言，请核对后重新输入' } }))
    render(<Track />)
    await typeInto(document.querySelector('.track__code'), 'AB')
    fireEvent.click(screen.getByText('查询'))
    expect(await screen.findByText(/请输入 8 位留言码/)).toBeInTheDocument()
    expect(sent).toHaveLength(0)
    await typeInto(document.querySelector('.track__code'), 'ZZZZZZZZ')
    fireEvent.click(screen.getByText('查询'))
    expect(await screen.findByText('没有找到这个留言码对应的留言，请核对后重新输入')).toBeInTheDocument()
  })
})

test('the privacy notice says what is kept, why, how long, who sees it and how to ask for deletion', () => {
  render(<PrivacyNotice />)
  for (const title of ['我们保存什么', '为什么保存', '保存多久', '谁能看到', '如何要求删除或更正']) expect(screen.getByText(title)).toBeInTheDocument()
  expect(PRIVACY_SECTIONS.find((s) => s.title === '保存多久')!.lines.join('')).toContain('180 天')
})
