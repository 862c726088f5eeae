// The built admin area in the mini-program (its own subpackage): an admin on a phone opens
// 媒体名录, adds an outlet with its level, and sees it listed from the server's answer.
import { installWx, launchPage, waitFor, type WxRequest } from './support/harness'
import { deepAll, deepWithText } from './support/deep-query'

const ADMIN = { id: 'u1', orgId: 'o1', name: '管理员甲', roles: ['staff', 'admin'], departmentId: null, departmentName: null }
const EXISTING = { id: 'o0000000-0000-4000-8000-000000000001', name: '县融媒体中心', level: 'county', levelLabel: '县级媒体', active: true }
const CREATED = { id: 'o0000000-0000-4000-8000-000000000002', name: '中国市场监管报', level: 'central', levelLabel: '中央媒体', active: true }

const fake = installWx((req: WxRequest) => {
  const url = req.url.replace('http://127.0.0.1:3000', '')
  if (url === '/api/ledger/outlets?includeInactive=true') return { statusCode: 200, data: { outlets: [EXISTING] } }
  if (url === '/api/admin/outlets' && req.method === 'POST') return { statusCode: 201, data: CREATED }
  return { statusCode: 404, data: { error: 'not_found', message: '未找到' } }
})
fake.storage.set('zb.token', 'tok-admin')
fake.storage.set('zb.user', ADMIN)

const withText = deepWithText

test('the built 媒体名录 adds an outlet with its level; without a level it says so and sends nothing', async () => {
  const { page } = await launchPage('admin/pages/index/index', { section: 'outlets' })
  await waitFor(() => page.dom.textContent.includes('县融媒体中心'), 'the outlets listed')
  deepAll(page, '.admin-form__grow')[0]!.dispatchEvent('input', { detail: { value: '中国市场监管报' } })
  const add = await waitFor(() => withText(page, '.nut-button', '添加媒体'), 'the add button')
  add.dispatchEvent('tap')
  await waitFor(() => page.dom.textContent.includes('请选择媒体级别'), 'the missing level')
  const posts = () => fake.requests.filter((r) => r.method === 'POST')
  expect(posts()).toHaveLength(0)
  withText(page, '.admin-chip', '中央媒体')!.dispatchEvent('tap')
  // Queried again: the section re-rendered below the error, with new nodes.
  await waitFor(() => deepAll(page, '.admin-chip--on').length === 1, 'the level chosen')
  withText(page, '.nut-button', '添加媒体')!.dispatchEvent('tap')
  await waitFor(() => posts().length === 1, 'POST /api/admin/outlets')
  expect(posts()[0]).toMatchObject({ url: 'http://127.0.0.1:3000/api/admin/outlets', data: { name: '中国市场监管报', level: 'central' }, header: expect.objectContaining({ Authorization: 'Bearer tok-admin' }) })
  await waitFor(() => page.dom.textContent.includes('中国市场监管报'), 'the new outlet listed')
})
