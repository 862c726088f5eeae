import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Board from '@/citizen/pages/board/index'
import { BoardCard } from '@/staff/components/board-card'
import BoardReview from '@/staff/pages/board-review/index'
import { autoPublicText, unmaskedFindings } from '../../domain/board/public-text'
import { session } from '@/services/session'
import { fakeServer } from './support/network'

const QUESTION = '我叫张三，手机13812345678，烧烤摊油烟扰民。'
const ANSWER = '已责令整改。'
const view = (text: string) => {
  const t = autoPublicText(text)
  return { ...t, unmasked: unmaskedFindings(t.text, t.spans) }
}

test('the public board asks without a sign-in, filters by category and shows the masked text', async () => {
  jest.spyOn(session, 'token').mockReturnValue('a-staff-token')
  const entry = { id: 'b0000000-0000-4000-8000-000000000001', category: 'complaint', question: '我叫张某，手机138****5678，烧烤摊油烟扰民。', answer: ANSWER, askedAt: '2026-12-01T01:00:00.000Z', publishedAt: '2026-12-02T01:00:00.000Z' }
  const sent = fakeServer((req) => ({ statusCode: 200, data: { items: req.url.includes('category=praise') ? [] : [entry], nextCursor: null } }))
  render(<Board />)
  await screen.findByText(entry.question)
  // Anonymous on purpose: the reader's sign-in (here a staff member's) is never sent to the board.
  expect(sent[0]!.header.Authorization).toBeUndefined()
  fireEvent.click(screen.getByText('表扬'))
  await screen.findByText('没有找到相符的选登留言')
  expect(sent[sent.length - 1]!.url).toContain('category=praise')
})

test('提议选登: staff see what will be masked, may show a finding after all, and submit exactly their choice', async () => {
  // The card reads only the item's id and version.
  const detail = { id: 'a0000000-0000-4000-8000-00000000000a', version: 3 }
  const sent = fakeServer((req) =>
    req.method === 'GET'
      ? { statusCode: 200, data: { refusal: null, entryId: null, question: view(QUESTION), answer: view(ANSWER) } }
      : { statusCode: 201, data: { id: 'b0000000-0000-4000-8000-000000000002' } }
  )
  render(<BoardCard detail={detail as never} />)
  fireEvent.click(await screen.findByText('提议选登'))
  // Each finding is a toggle showing what the public will read instead.
  const phone = await screen.findByText('手机号 13812345678 → 138****5678')
  expect(screen.getByText('姓名 张三 → 张某')).toBeInTheDocument()
  fireEvent.click(phone)
  await screen.findByText('手机号 13812345678（未隐去）')
  expect(screen.getByText(/1 处疑似个人信息未隐去/)).toBeInTheDocument()
  fireEvent.click(screen.getByText('提交选登审核'))
  await screen.findByText(/已提议选登/)
  const post = sent.find((r) => r.method === 'POST')!
  expect(post.url).toContain(`/api/items/${detail.id}/board-proposal`)
  expect(post.data).toEqual({ question: { text: QUESTION, spans: [{ start: 2, end: 4, kind: 'name' }] }, answer: { text: ANSWER, spans: [] } })
  await waitFor(() => expect(screen.queryByText('提交选登审核')).toBeNull())
})

test('选登审核: approving sends the version read; a stale version reloads the queue to what is current', async () => {
  const entry = (version: number) => ({
    id: 'b0000000-0000-4000-8000-000000000003',
    itemId: 'a0000000-0000-4000-8000-00000000000b',
    trackingCode: 'LY7K3Q9P',
    category: 'complaint',
    status: 'proposed',
    version,
    question: view(QUESTION),
    answer: view(ANSWER),
    proposedBy: { id: 'u1', name: '王宣传' },
    proposedAt: '2026-12-01T01:00:00.000Z',
    updatedAt: '2026-12-01T01:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    publishedAt: null,
    reason: null,
    withdrawnBy: null,
    withdrawnAt: null,
    allowedActions: ['edit', 'approve', 'decline']
  })
  let version = 1
  const sent = fakeServer((req) => {
    if (req.method === 'GET') return { statusCode: 200, data: { items: [entry(version)], nextCursor: null } }
    version = 2
    return { statusCode: 409, data: { error: 'stale_version', message: '公开内容在您打开后已被修改，请刷新后查看最新内容再操作' } }
  })
  render(<BoardReview />)
  await screen.findByText(/第 1 版/)
  fireEvent.click(screen.getByText('批准选登'))
  await screen.findByText(/第 2 版/)
  const approve = sent.find((r) => r.method === 'POST')!
  expect(approve.url).toContain('/approve')
  expect(approve.data).toEqual({ version: 1 })
  expect(sent.filter((r) => r.method === 'GET' && r.url.includes('/api/board/proposals'))).toHaveLength(2)
})
