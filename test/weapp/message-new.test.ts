import { installWx, launchPage, waitFor, type WxRequest } from './support/harness'

const SESSION = {
  token: 'tok-wx',
  user: { id: 'u1', orgId: 'o1', name: '微信用户', roles: ['citizen'], departmentId: null, departmentName: null }
}
const CREATED = { id: '0b7c8a52-5d1f-4c1e-9a8e-2b0c3c0f4a11', trackingCode: 'LY7K3Q9P', status: 'new' }

// Before app.js loads: Taro reads the wx API list at start-up.
const fake = installWx((req: WxRequest) => {
  if (req.url.endsWith('/api/auth/wechat')) return { statusCode: 200, data: SESSION }
  if (req.url.endsWith('/api/messages')) return { statusCode: 201, data: CREATED }
  return { statusCode: 404, data: { error: 'not_found', message: '未找到' } }
})

test('the built message form sends the message to the server and shows the tracking code', async () => {
  const { page } = await launchPage('citizen/pages/message-new/index')

  // Launch signed in silently: wx.login's code went to the server, the token was kept.
  await waitFor(() => fake.storage.get('zb.token'), 'the silent WeChat login')
  expect(fake.requests[0]).toMatchObject({
    url: 'http://127.0.0.1:3000/api/auth/wechat',
    method: 'POST',
    data: { code: 'wx-test-code' }
  })

  const chip = page.querySelectorAll('.message-new__category').find((c: { dom: Element }) => c.dom.textContent === '举报')
  chip.dispatchEvent('tap')
  page.querySelector('.message-new__body').dispatchEvent('input', { detail: { value: '某超市销售无标签散装食品' } })
  page.querySelector('.message-new__phone').dispatchEvent('input', { detail: { value: '13800138000' } })
  await waitFor(() => page.dom.textContent.includes('12/2000'), 'the counter to follow the text')
  page.querySelector('.message-new__submit').dispatchEvent('tap')

  const sent = await waitFor(() => fake.requests.find((r) => r.url.endsWith('/api/messages')), 'POST /api/messages')
  expect(sent.url).toBe('http://127.0.0.1:3000/api/messages')
  expect(sent.method).toBe('POST')
  expect(sent.header.Authorization).toBe('Bearer tok-wx')
  expect(sent.data).toEqual({
    category: 'tipoff',
    body: '某超市销售无标签散装食品',
    contactPhone: '13800138000',
    clientId: expect.stringMatching(/^.{8,64}$/)
  })
  await waitFor(() => page.dom.textContent.includes('LY7K3Q9P'), 'the tracking code on the success screen')
  expect(page.dom.textContent).toContain('提交成功')
})
