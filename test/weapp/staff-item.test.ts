// The built staff item page in the mini-program: a desk member on a phone accepts a new complaint
// with the table's one-tap action (sent with the version seen), and the reply form the table
// offers next sends the answer.
import { installWx, launchPage, waitFor, type WxRequest } from './support/harness'
import { deskDetail, deskRow } from '../app/support/desk-fixtures'

const STAFF = { id: 'u-staff', orgId: 'o1', name: '王宣传', roles: ['staff'], departmentId: null, departmentName: null }
const row = deskRow()
const fresh = deskDetail(row, { version: 1 })
const accepted = deskDetail(row, { status: 'accepted', allowedActions: ['start', 'reply'], version: 2 })
const replied = deskDetail(row, { status: 'replied', allowedActions: ['close'], version: 3 })

const fake = installWx((req: WxRequest) => {
  const url = req.url.replace('http://127.0.0.1:3000', '')
  if (url === `/api/items/${row.id}` && req.method === 'GET') return { statusCode: 200, data: fresh }
  if (url === `/api/items/${row.id}/actions` && req.method === 'POST') {
    const action = (req.data as { action: string }).action
    return { statusCode: 200, data: action === 'accept' ? accepted : replied }
  }
  if (url === `/api/items/${row.id}/presence`) return { statusCode: 200, data: { viewers: [] } }
  if (url === '/api/canned-replies') return { statusCode: 200, data: { replies: [] } }
  return { statusCode: 404, data: { error: 'not_found', message: '未找到' } }
})
fake.storage.set('zb.token', 'tok-staff')
fake.storage.set('zb.user', STAFF)

const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/actions')).map((r) => r.data)
const buttonLabelled = (page: { querySelectorAll(s: string): { dom: Element; dispatchEvent(e: string): void }[] }, label: string) =>
  page.querySelectorAll('.nut-button').find((b) => b.dom.textContent?.trim() === label)

test('the built item page accepts a message with the version seen, then sends the reply the table offers next', async () => {
  const { page } = await launchPage('staff/pages/item/index', { id: row.id })

  await waitFor(() => page.dom.textContent.includes('东关夜市烧烤摊占道经营（全文）'), 'the message')
  const accept = await waitFor(() => buttonLabelled(page, '受理'), 'the 受理 button')
  accept.dispatchEvent('tap')
  await waitFor(() => posts().length === 1, 'POST …/actions')
  expect(posts()[0]).toEqual({ action: 'accept', version: 1 })

  // The table allows a reply from 已受理: its form appears.
  const field = await waitFor(() => page.querySelector('.item__reply'), 'the reply form')
  field.dispatchEvent('input', { detail: { value: '已责令摊主退回占道区域，今后将加强巡查。' } })
  const send = await waitFor(() => buttonLabelled(page, '发送答复'), 'the 发送答复 button')
  send.dispatchEvent('tap')
  await waitFor(() => posts().length === 2, 'the reply')
  expect(posts()[1]).toEqual({ action: 'reply', body: '已责令摊主退回占道区域，今后将加强巡查。', version: 2 })
  await waitFor(() => !page.querySelector('.item__reply'), 'the reply form to go once replied')
})
