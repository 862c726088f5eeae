// The built staff inbox in the mini-program (WeChat's own template compiler): a desk member on a
// phone sees the views with their counts and the shared list, switches view, and taps a row to
// open the item's page. Polling, not server-sent events, keeps the list live in the mini-program.
import { installWx, launchPage, waitFor, type WxRequest } from './support/harness'
import { deskRow } from '../app/support/desk-fixtures'

const STAFF = { id: 'u-staff', orgId: 'o1', name: '王宣传', roles: ['staff'], departmentId: null, departmentName: null }
const complaint = deskRow()
const overdueCase = deskRow({
  id: 'c0000000-0000-4000-8000-000000000009',
  kind: 'case',
  category: null,
  title: '城关所查处过期食品',
  excerpt: '过期牛奶 12 盒，已责令下架。',
  authorName: '李干部'
})

const fake = installWx((req: WxRequest) => {
  const url = req.url.replace('http://127.0.0.1:3000', '')
  if (url === '/api/inbox/counts') {
    return { statusCode: 200, data: { views: [{ id: 'open', label: '全部待处理', builtin: true, count: 2 }, { id: 'overdue', label: '已超期', builtin: true, count: 1 }] } }
  }
  if (url.startsWith('/api/inbox?view=overdue')) return { statusCode: 200, data: { items: [overdueCase], nextCursor: null } }
  if (url.startsWith('/api/inbox?')) return { statusCode: 200, data: { items: [complaint, overdueCase], nextCursor: null } }
  if (url.startsWith('/api/inbox/changes')) return { statusCode: 200, data: { changes: [], cursor: new Date().toISOString(), resync: false } }
  return { statusCode: 404, data: { error: 'not_found', message: '未找到' } }
})
fake.storage.set('zb.token', 'tok-staff')
fake.storage.set('zb.user', STAFF)

const inboxGets = () => fake.requests.filter((r) => r.method === 'GET' && /\/api\/inbox\?/.test(r.url)).map((r) => r.url.replace('http://127.0.0.1:3000', ''))

test('the built staff inbox lists both streams under the server’s views, switches view, and opens an item', async () => {
  const { page } = await launchPage('staff/pages/inbox/index')

  await waitFor(() => page.dom.textContent.includes('东关夜市烧烤摊占道经营') && page.dom.textContent.includes('城关所查处过期食品'), 'both rows')
  const sent = inboxGets()
  expect(sent[0]).toBe('/api/inbox?view=open&limit=20')
  expect(fake.requests.find((r) => r.url.endsWith('/api/inbox'))).toBeUndefined()
  expect(fake.requests.every((r) => r.header.Authorization === 'Bearer tok-staff')).toBe(true)
  // The views the server named, with their counts.
  const overdue = await waitFor(() => page.querySelectorAll('.desk-shell__view').find((v: { dom: Element }) => v.dom.textContent?.includes('已超期')), 'the 已超期 view')
  expect(overdue.dom.textContent).toContain('1')

  overdue.dispatchEvent('tap')
  await waitFor(() => inboxGets().includes('/api/inbox?view=overdue&limit=20'), 'the overdue list')
  await waitFor(() => !page.dom.textContent.includes('东关夜市烧烤摊占道经营'), 'the list to show only the overdue case')

  const row = await waitFor(() => page.querySelectorAll('.desk-row').find((r: { dom: Element }) => r.dom.textContent?.includes('城关所查处过期食品')), 'the case row')
  row.dispatchEvent('tap')
  const nav = await waitFor(() => fake.navigations.find((n) => n.api === 'navigateTo'), 'navigation to the item')
  expect(nav.url).toBe(`/staff/pages/item/index?id=${overdueCase.id}`)
})
