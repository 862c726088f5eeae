import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as TaroModule from '@tarojs/taro'
import CaseNew from '@/officer/pages/case-new/index'
import { session } from '@/services/session'
import { resetOutboxForTests } from '@/services/officer-outbox'
import { fakeServer } from './support/network'
import { typeInto } from './support/dom'
import { officer, returnedCase as returned } from './officer-fixtures'

beforeEach(() => {
  resetOutboxForTests()
  session.save({ token: 'tok-1', user: officer as never })
  jest.spyOn(TaroModule, 'useRouter').mockReturnValue({ params: { edit: returned.id }, path: '' } as never)
})

test('a returned case opens in the form with the staff comment and is resubmitted, keeping its photo', async () => {
  const back = jest.spyOn(Taro, 'navigateBack').mockImplementation((() => Promise.resolve()) as never)
  jest.spyOn(Taro, 'showToast').mockImplementation((() => Promise.resolve()) as never)
  const sent = fakeServer((req) =>
    req.method === 'GET' ? { statusCode: 200, data: { items: [returned] } } : { statusCode: 200, data: { ...returned, status: 'resubmitted' } }
  )
  const view = render(<CaseNew />)
  expect(await screen.findByText('请补充处理结果和罚没金额。')).toBeInTheDocument()
  expect(screen.getByText('9/60')).toBeInTheDocument()
  // Shown in Beijing time, as everywhere else, whatever the device's zone.
  expect(view.container.querySelector('.case-form__date')?.textContent).toBe('2025-11-20')
  expect(view.container.querySelector('.case-form__time')?.textContent).toBe('09:30')
  expect(view.container.querySelector('.case-form__thumb')?.getAttribute('src')).toBe('https://media/t1.jpg')

  await typeInto(view.container.querySelector('.case-form__body'), '执法人员在某超市发现过期牛奶 12 盒，已下架并罚款 2000 元。')
  fireEvent.click(screen.getByText('修改后重新提交'))

  await waitFor(() => expect(back).toHaveBeenCalled())
  const post = sent.find((r) => r.method === 'POST')!
  expect(post.url).toBe(`/api/cases/${returned.id}/resubmit`)
  expect(post.data).toEqual({
    title: '城关所查处过期食品',
    body: '执法人员在某超市发现过期牛奶 12 盒，已下架并罚款 2000 元。',
    occurredAt: '2025-11-20T01:30:00.000Z',
    place: { address: '城关镇人民路 12 号', lat: 30.1, lng: 120.2 },
    topics: ['消费者权益保护'],
    mediaIds: ['m0000000-0000-4000-8000-000000000001']
  })
})

test('a case that is not returned cannot be edited', async () => {
  fakeServer(() => ({ statusCode: 200, data: { items: [{ ...returned, status: 'accepted' }] } }))
  render(<CaseNew />)
  expect(await screen.findByText('这条事例现在不需要修改')).toBeInTheDocument()
  expect(screen.queryByText('修改后重新提交')).toBeNull()
})
