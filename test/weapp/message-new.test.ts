import { installWx, launchPage, waitFor, type WxRequest } from './support/harness'
import { answer, type Cb } from './support/wx-answer'
import { fakeUploadFile, type UploadCall } from './support/upload-file'

const SESSION = {
  token: 'tok-wx',
  user: { id: 'u1', orgId: 'o1', name: '微信用户', roles: ['citizen'], departmentId: null, departmentName: null }
}
const CREATED = { id: '0b7c8a52-5d1f-4c1e-9a8e-2b0c3c0f4a11', trackingCode: 'LY7K3Q9P', status: 'new' }
const MEDIA = { id: 'm0000000-0000-4000-8000-0000000000c1', url: 'https://x/p.jpg', thumbUrl: 'https://x/t.jpg', width: 1920, height: 1440, bytes: 420000 }

// Before app.js loads: Taro reads the wx API list at start-up.
const fake = installWx((req: WxRequest) => {
  if (req.url.endsWith('/api/auth/wechat')) return { statusCode: 200, data: SESSION }
  if (req.url.endsWith('/api/me/phone')) return { statusCode: 200, data: { phone: '13912345678' } }
  if (req.url.endsWith('/api/messages')) return { statusCode: 201, data: CREATED }
  if (req.url.endsWith('/api/subscribe-templates')) return { statusCode: 200, data: { templates: [{ id: 'tmpl-progress', label: '办理进度通知' }] } }
  if (req.url.endsWith(`/api/messages/${CREATED.id}/subscriptions`)) return { statusCode: 200, data: { granted: 1 } }
  return { statusCode: 404, data: { error: 'not_found', message: '未找到' } }
})

const uploads: UploadCall[] = []
const compressed: Record<string, unknown>[] = []

Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, {
  // Passed straight through by Taro: must return a Promise when called without callbacks.
  chooseMedia: (o: Cb<unknown>) => answer(o, { type: 'image', tempFiles: [{ tempFilePath: 'wxfile://tmp/IMG_0002.jpg', size: 4_800_000, fileType: 'image' }] }),
  getImageInfo: (o: { src: string } & Cb<unknown>) => answer(o, { width: 4032, height: 3024, path: o.src, type: 'jpeg', orientation: 'up' }),
  compressImage: (o: { src: string } & Cb<unknown>) => {
    compressed.push(o)
    return answer(o, { tempFilePath: 'wxfile://tmp/IMG_0002-small.jpg', errMsg: 'compressImage:ok' })
  },
  uploadFile: fakeUploadFile(uploads),
  // WeChat's subscribe dialog, accepted; recorded to check it is asked on the submit tap.
  requestSubscribeMessage: (o: { tmplIds: string[] } & Cb<unknown>) => {
    asked.push(o.tmplIds)
    return answer(o, { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(o.tmplIds.map((id) => [id, 'accept'])) })
  }
})
const asked: string[][] = []

test('the built message form sends a complaint with a compressed photo and the WeChat phone number, and shows the tracking code', async () => {
  const { page } = await launchPage('citizen/pages/message-new/index')

  // Launch signed in silently: wx.login's code went to the server, the token was kept.
  await waitFor(() => fake.storage.get('zb.token'), 'the silent WeChat login')
  expect(fake.requests[0]).toMatchObject({ url: 'http://127.0.0.1:3000/api/auth/wechat', method: 'POST', data: { code: 'wx-test-code' } })

  const chip = await waitFor(
    () => page.querySelectorAll('.message-new__category').find((c: { dom: Element }) => c.dom.textContent?.startsWith('投诉')),
    'the category picker'
  )
  expect(page.dom.textContent).toContain('与商家发生消费纠纷，要求调解、维护自身权益')
  chip.dispatchEvent('tap')
  await waitFor(() => page.querySelector('.message-new__business'), 'the business field a complaint asks for')
  expect(page.dom.textContent).toContain('联系电话（必填）')
  page.querySelector('.message-new__body').dispatchEvent('input', { detail: { value: '在惠民超市买到过期牛奶，要求退货被拒绝' } })
  page.querySelector('.message-new__business').dispatchEvent('input', { detail: { value: '城关镇惠民超市' } })

  // WeChat's phone button: its one-time code goes to the server, the number comes back into the field.
  const button = await waitFor(() => page.querySelector('.message-new__wx-phone'), 'the WeChat phone button')
  expect(button.dom.textContent).toContain('使用微信手机号')
  button.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'phone-code-1' } })
  const exchange = await waitFor(() => fake.requests.find((r) => r.url.endsWith('/api/me/phone')), 'POST /api/me/phone')
  expect(exchange).toMatchObject({ method: 'POST', data: { code: 'phone-code-1' } })

  page.querySelector('.message-new__add-photo').dispatchEvent('tap')
  const upload = await waitFor(() => uploads[0], 'wx.uploadFile of the picked photo')
  expect(compressed[0]).toMatchObject({ src: 'wxfile://tmp/IMG_0002.jpg', compressedWidth: 1920, compressedHeight: 1440 })
  expect(upload.filePath).toBe('wxfile://tmp/IMG_0002-small.jpg')
  // A citizen's photo carries no device evidence.
  expect(upload.formData).toEqual({})
  upload.progress({ progress: 60, totalBytesSent: 60, totalBytesExpectedToSend: 100 })
  await waitFor(() => page.querySelector('.zb-progress'), 'the upload progress bar')
  upload.finish(201, JSON.stringify(MEDIA))
  // Uploaded: the bar goes and the photo can be removed again.
  await waitFor(() => !page.querySelector('.zb-progress') && page.querySelector('.message-new__photo-remove'), 'the photo uploaded')

  page.querySelector('.message-new__submit').dispatchEvent('tap')
  const sent = await waitFor(() => fake.requests.find((r) => r.url.endsWith('/api/messages')), 'POST /api/messages')
  expect(sent.header.Authorization).toBe('Bearer tok-wx')
  expect(sent.data).toEqual({
    category: 'complaint',
    body: '在惠民超市买到过期牛奶，要求退货被拒绝',
    contactPhone: '13912345678',
    business: { name: '城关镇惠民超市' },
    mediaIds: [MEDIA.id],
    clientId: expect.stringMatching(/^.{8,64}$/)
  })
  await waitFor(() => page.dom.textContent.includes('LY7K3Q9P'), 'the tracking code on the success screen')
  expect(page.dom.textContent).toContain('提交成功')
  // The same tap asked for the progress notices; the grant is recorded for the new message.
  expect(asked).toEqual([['tmpl-progress']])
  const grant = await waitFor(() => fake.requests.find((r) => r.url.endsWith(`/api/messages/${CREATED.id}/subscriptions`)), 'POST …/subscriptions')
  expect(grant).toMatchObject({ method: 'POST', data: { templateIds: ['tmpl-progress'] } })
})
