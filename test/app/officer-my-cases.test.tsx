import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MyCaseView } from '@/domain'
import MyCases from '@/officer/pages/my-cases/index'
import { session } from '@/services/session'
import { resetOutboxForTests } from '@/services/officer-outbox'
import { outboxStorageKey } from '@/services/outbox-ports'
import { fakeServer } from './support/network'
import { officer, returnedCase as returned } from './officer-fixtures'

const accepted: MyCaseView = {
  ...returned,
  id: 'c0000000-0000-4000-8000-000000000002',
  clientId: null,
  title: '双随机抽查完成',
  topics: [],
  status: 'accepted',
  photos: [],
  staffComment: null
}

const cardOf = (text: string) => screen.getByText(text).closest('.my-cases__item') as HTMLElement

beforeEach(() => {
  resetOutboxForTests()
  session.save({ token: 'tok-1', user: officer as never })
})

test('a returned case shows its status, the staff comment, its photo, and can be edited', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation((() => Promise.resolve()) as never)
  const sent = fakeServer(() => ({ statusCode: 200, data: { items: [returned, accepted] } }))
  render(<MyCases />)

  await screen.findByText('城关所查处过期食品')
  const card = cardOf('城关所查处过期食品')
  expect(within(card).getByText('退回补充')).toBeInTheDocument()
  expect(within(card).getByText('宣传人员反馈')).toBeInTheDocument()
  expect(within(card).getByText('请补充处理结果和罚没金额。')).toBeInTheDocument()
  expect(within(card).getByText(/2025-11-20 09:30 · 城关镇人民路 12 号/)).toBeInTheDocument()
  expect(card.querySelector('.zb-photo-grid__image')?.getAttribute('src')).toBe('https://media/t1.jpg')

  fireEvent.click(within(card).getByText('补充修改后重新提交'))
  expect(navigate).toHaveBeenCalledWith({ url: `/officer/pages/case-new/index?edit=${returned.id}` })

  const other = cardOf('双随机抽查完成')
  expect(within(other).getByText('已采用')).toBeInTheDocument()
  expect(within(other).queryByText('补充修改后重新提交')).toBeNull()
  expect(within(other).queryByText('宣传人员反馈')).toBeNull()

  expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/cases/mine'])
  expect(sent[0].header.Authorization).toBe('Bearer tok-1')
})

test('an archived case explains itself: the reason under 存档原因, and it cannot be edited', async () => {
  const archived: MyCaseView = { ...accepted, id: 'c0000000-0000-4000-8000-000000000004', title: '普通巡查记录', status: 'archived', staffComment: '日常巡查，暂无宣传价值。' }
  fakeServer(() => ({ statusCode: 200, data: { items: [archived] } }))
  render(<MyCases />)

  await screen.findByText('普通巡查记录')
  const card = cardOf('普通巡查记录')
  expect(within(card).getByText('已存档')).toBeInTheDocument()
  expect(within(card).getByText('存档原因')).toBeInTheDocument()
  expect(within(card).getByText('日常巡查，暂无宣传价值。')).toBeInTheDocument()
  expect(within(card).queryByText('宣传人员反馈')).toBeNull()
  expect(within(card).queryByText('补充修改后重新提交')).toBeNull()
})

test('says so when there are no cases yet', async () => {
  fakeServer(() => ({ statusCode: 200, data: { items: [] } }))
  render(<MyCases />)
  expect(await screen.findByText('您还没有报送事例')).toBeInTheDocument()
})

test('shows the error with 重试, and retrying loads the list', async () => {
  let calls = 0
  fakeServer(() =>
    ++calls === 1
      ? { statusCode: 500, data: { error: 'internal', message: '服务器开小差了，请稍后再试' } }
      : { statusCode: 200, data: { items: [accepted] } }
  )
  render(<MyCases />)
  expect(await screen.findByText('服务器开小差了，请稍后再试')).toBeInTheDocument()
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('双随机抽查完成')).toBeInTheDocument()
})

test('a case the outbox delivered is listed once: by the server list, not also as 已提交 in the outbox', async () => {
  const delivered = { ...accepted, id: 'c0000000-0000-4000-8000-000000000003', clientId: 'mabc-delivered', title: '节前食品安全检查' }
  const stillSending = 'mabc-on-the-way'
  const entry = (clientId: string, title: string, state: string, caseId?: string) => ({
    clientId,
    draft: { title, body: '正文', occurredAt: '2025-11-20T01:30:00.000Z' },
    photos: [],
    state,
    attempts: 0,
    nextAttemptAt: 0,
    caseId,
    // Recent: the outbox prunes delivered entries after a few days.
    createdAt: Date.now() - 60_000,
    submittedAt: state === 'submitted' ? Date.now() - 30_000 : undefined
  })
  Taro.setStorageSync(outboxStorageKey(officer.id), [
    entry(delivered.clientId, delivered.title, 'submitted', delivered.id),
    entry(stillSending, '刚交上去的事例', 'submitted', 'c0000000-0000-4000-8000-000000000009')
  ])
  fakeServer(() => ({ statusCode: 200, data: { items: [delivered] } }))
  render(<MyCases />)

  await screen.findByText('节前食品安全检查')
  // The submitted entry the list does not show yet stays in the outbox, so nothing vanishes.
  expect(await screen.findByText('刚交上去的事例')).toBeInTheDocument()
  expect(screen.getAllByText('节前食品安全检查')).toHaveLength(1)
  expect(cardOf('节前食品安全检查')).toBeInTheDocument()
})
