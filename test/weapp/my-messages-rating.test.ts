import { installWx, launchPage, waitFor, type WxRequest } from './support/harness'

const SESSION = {
  token: 'tok-wx',
  user: { id: 'u1', orgId: 'o1', name: '微信用户', roles: ['citizen'], departmentId: null, departmentName: null }
}
const REPLIED = {
  id: '0b7c8a52-5d1f-4c1e-9a8e-2b0c3c0f4a11',
  trackingCode: 'LY7K3Q9P',
  category: 'complaint',
  body: '某超市销售过期牛奶',
  status: 'replied',
  createdAt: '2025-11-20T01:30:00.000Z',
  reply: { body: '已责令下架并立案调查。', at: '2025-11-21T06:05:00.000Z', byName: '县市场监管局' },
  timeline: [
    { id: 'e1', action: 'create', fromStatus: null, toStatus: 'new', actorName: '微信用户', body: null, reason: null, at: '2025-11-20T01:30:00.000Z' },
    { id: 'e2', action: 'reply', fromStatus: 'accepted', toStatus: 'replied', actorName: '县市场监管局', body: '已责令下架并立案调查。', reason: null, at: '2025-11-21T06:05:00.000Z' }
  ]
}

const fake = installWx((req: WxRequest) => {
  if (req.url.endsWith('/api/auth/wechat')) return { statusCode: 200, data: SESSION }
  if (req.url.endsWith('/api/messages/mine')) return { statusCode: 200, data: { items: [REPLIED] } }
  if (req.url.endsWith('/api/subscribe-templates')) return { statusCode: 200, data: { templates: [{ id: 'tmpl-replied', label: '答复通知' }] } }
  if (req.url.endsWith('/rating')) return { statusCode: 200, data: { ...REPLIED, status: 'closed' } }
  if (req.url.endsWith('/subscriptions')) return { statusCode: 200, data: { recorded: 1, unused: { 'tmpl-replied': 1 } } }
  return { statusCode: 404, data: { error: 'not_found', message: '未找到' } }
})
// WeChat's subscribe dialog, answered 'accept' for every template asked for; recorded to check it was asked on the tap.
const asked: string[][] = []

Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, {
  requestSubscribeMessage: (opts: { tmplIds: string[]; success?: (r: unknown) => void; complete?: () => void }) => {
    asked.push(opts.tmplIds)
    const res = { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(opts.tmplIds.map((id) => [id, 'accept'])) }
    if (opts.success || opts.complete) {
      setTimeout(() => (opts.success?.(res), opts.complete?.()))
      return undefined
    }
    return Promise.resolve(res)
  },
  onNeedPrivacyAuthorization: (handler: (resolve: (a: unknown) => void, info: unknown) => void) => {
    privacyHandlers.push(handler)
  }
})
const privacyHandlers: ((resolve: (a: unknown) => void, info: unknown) => void)[] = []

test('the built 我的留言 lets the author rate a reply and ask for progress notifications on a tap', async () => {
  const { page } = await launchPage('citizen/pages/my-messages/index')
  await waitFor(() => page.dom.textContent.includes('您对答复满意吗？'), 'the rating form under the reply')

  // 接收办理进度通知: the dialog is asked for on the tap, and the accepted template is recorded.
  await waitFor(() => page.querySelector('.my-messages__subscribe'), 'the subscribe button once templates are known')
  page.querySelector('.my-messages__subscribe').dispatchEvent('tap')
  const recorded = await waitFor(() => fake.requests.find((r) => r.url.endsWith('/subscriptions')), 'POST …/subscriptions')
  expect(asked).toEqual([['tmpl-replied']])
  expect(recorded.data).toEqual({ templateIds: ['tmpl-replied'] })

  const chip = page.querySelectorAll('.my-messages__rating-chip').find((c: { dom: Element }) => c.dom.textContent === '基本满意')
  chip.dispatchEvent('tap')
  await waitFor(() => page.querySelector('.my-messages__rate'), 'the submit button')
  page.querySelector('.my-messages__comment').dispatchEvent('input', { detail: { value: '处理及时' } })
  await waitFor(() => page.dom.textContent.includes('提交评价并办结'), 'the closing wording')
  page.querySelector('.my-messages__rate').dispatchEvent('tap')
  const sent = await waitFor(() => fake.requests.find((r) => r.url.endsWith('/rating')), 'POST …/rating')
  expect(sent.url).toBe(`http://127.0.0.1:3000/api/messages/${REPLIED.id}/rating`)
  expect(sent.method).toBe('POST')
  expect(sent.header.Authorization).toBe('Bearer tok-wx')
  expect(sent.data).toEqual({ rating: 'basically_satisfied', comment: '处理及时' })
})

test('at launch the app asks WeChat to hand it privacy questions, and answers one with the authorisation page', async () => {
  // installed by app.js (services/privacy.weapp.ts) when the page above launched
  expect(privacyHandlers).toHaveLength(1)
  privacyHandlers[0]!(() => undefined, { referrer: 'getLocation' })
  await waitFor(() => fake.navigations.find((n) => n.url.startsWith('/citizen/pages/privacy-auth/index')), 'the authorisation page to open')
})
