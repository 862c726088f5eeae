// The built 登记发表 page in the mini-program: a writer on a phone picks the outlet, channel and
// placement, uploads a screenshot with its progress, and records it once with its form id.
import { installWx, launchPage, waitFor, type WxRequest } from './support/harness'
import { deepWithText, type SimNode } from './support/deep-query'
import { answer, type Cb } from './support/wx-answer'
import { fakeUploadFile, type UploadCall } from './support/upload-file'
import { draftDetail } from '../helpers/draft-fixtures'

const WRITER = { id: 'u1', orgId: 'o1', name: '王宣传', roles: ['staff'], departmentId: 'dep', departmentName: '综合办公室' }
const DRAFT_ID = 'd0000000-0000-4000-8000-000000000009'
const draft = draftDetail({
  id: DRAFT_ID,
  type: 'information',
  title: '县局推进个体工商户年报工作',
  status: 'approved',
  version: 3,
  author: { id: 'u1', name: '王宣传' },
  approvedAt: '2026-12-02T00:00:00.000Z',
  recordable: true
})
const OUTLET = { id: 'o0000000-0000-4000-8000-000000000001', name: '市局信息专报', level: 'bulletin', levelLabel: '上级信息刊物', active: true }
const MEDIA = { id: 'm0000000-0000-4000-8000-0000000000d1', url: 'https://x/p.jpg', thumbUrl: 'https://x/t.jpg', width: 720, height: 1280, bytes: 120000 }
const RECORDED = {
  id: 'p0000000-0000-4000-8000-000000000001',
  draftId: DRAFT_ID,
  title: draft.title,
  type: 'information',
  outlet: { id: OUTLET.id, name: OUTLET.name, level: 'bulletin' },
  channel: 'website',
  placement: 'key_news',
  publishedOn: '2026-12-03',
  link: null,
  proofMediaId: MEDIA.id,
  proof: MEDIA,
  leaderComment: true,
  adopted: false,
  deductions: [],
  topics: [],
  points: 9,
  ruleYear: 2026,
  credits: [{ kind: 'author', id: 'u1', name: '王宣传', share: 1, points: 9 }],
  recordedAt: '2026-12-03T02:00:00.000Z'
}

const fake = installWx((req: WxRequest) => {
  const url = req.url.replace('http://127.0.0.1:3000', '')
  if (url === `/api/drafts/${DRAFT_ID}`) return { statusCode: 200, data: draft }
  if (url === '/api/ledger/outlets') return { statusCode: 200, data: { outlets: [OUTLET] } }
  if (url.startsWith('/api/publications') && req.method === 'GET') return { statusCode: 200, data: { publications: [] } }
  if (url === '/api/publications' && req.method === 'POST') return { statusCode: 201, data: RECORDED }
  return { statusCode: 404, data: { error: 'not_found', message: '未找到' } }
})
fake.storage.set('zb.token', 'tok-writer')
fake.storage.set('zb.user', WRITER)

const uploads: UploadCall[] = []
Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, {
  chooseMedia: (o: Cb<unknown>) => answer(o, { type: 'image', tempFiles: [{ tempFilePath: 'wxfile://tmp/proof.png', size: 800_000, fileType: 'image' }] }),
  getImageInfo: (o: { src: string } & Cb<unknown>) => answer(o, { width: 720, height: 1280, path: o.src, type: 'png', orientation: 'up' }),
  compressImage: (o: { src: string } & Cb<unknown>) => answer(o, { tempFilePath: 'wxfile://tmp/proof-small.jpg', errMsg: 'compressImage:ok' }),
  uploadFile: fakeUploadFile(uploads)
})

const chip = (page: SimNode, label: string) => deepWithText(page, '.zb-chip', label)
const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/publications'))

test('the built 登记发表 page records an information item with a screenshot, 领导批示 and its form id', async () => {
  const { page } = await launchPage('editorial/pages/publish/index', { draftId: DRAFT_ID })
  await waitFor(() => page.dom.textContent.includes('县局推进个体工商户年报工作'), 'the draft')
  ;(await waitFor(() => chip(page, '市局信息专报（上级信息刊物）'), 'the outlet chip')).dispatchEvent('tap')
  chip(page, '网站')!.dispatchEvent('tap')
  chip(page, '要闻')!.dispatchEvent('tap')
  // An information item asks about 领导批示 and 被采用.
  expect(page.dom.textContent).toContain('被上级采用')
  // The switches in the order shown: 领导批示, then 被采用.
  const switches = page.querySelectorAll('.nut-switch')
  expect(switches).toHaveLength(2)
  switches[0]!.dispatchEvent('tap')

  page.querySelector('.publish__proof-add').dispatchEvent('tap')
  const upload = await waitFor(() => uploads[0], 'wx.uploadFile of the screenshot')
  expect(upload).toMatchObject({ url: 'http://127.0.0.1:3000/api/media', filePath: 'wxfile://tmp/proof-small.jpg', name: 'file', header: { Authorization: 'Bearer tok-writer' } })
  upload.progress({ progress: 40, totalBytesSent: 40, totalBytesExpectedToSend: 100 })
  await waitFor(() => page.dom.textContent.includes('上传中 40%'), 'the upload progress')
  upload.finish(201, JSON.stringify(MEDIA))
  await waitFor(() => page.dom.textContent.includes('已上传'), 'the uploaded screenshot')

  page.querySelector('.publish__submit').dispatchEvent('tap')
  await waitFor(() => posts().length === 1, 'POST /api/publications')
  expect(posts()[0]!.data).toMatchObject({ draftId: DRAFT_ID, outletId: OUTLET.id, channel: 'website', placement: 'key_news', proofMediaId: MEDIA.id, leaderComment: true, adopted: false })
  expect((posts()[0]!.data as { clientId: string }).clientId).toMatch(/^[a-z0-9]+-[a-z0-9]{16}$/)
  await waitFor(() => page.dom.textContent.includes('已登记到「市局信息专报」，计 9 分'), 'the points')
})
