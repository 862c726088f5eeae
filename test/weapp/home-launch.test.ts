// The built app launched on its home page (the main package only) by an officer whose last case
// was still being sent when the app was closed: the outbox, kept in the main package for exactly
// this, uploads the photo and sends the case without the officer opening any officer page.
import { installWx, launchPage, waitFor, type WxRequest } from './support/harness'
import { officer, MEDIA } from '../app/officer-fixtures'
import { answer, type Cb } from './support/wx-answer'

const CASE_ID = 'c0000000-0000-4000-8000-000000000001'
const USER_DATA_PATH = 'wxfile://usr'
const KEPT_PHOTO = `${USER_DATA_PATH}/outbox/mabc-0123456789abcdef-0.jpg`
const DRAFT = { title: '城关所查处过期食品', body: '过期牛奶 12 盒，已责令下架。', occurredAt: '2026-11-25T02:05:00.000Z' }

// Before app.js loads: Taro reads the wx API list at start-up.
const fake = installWx((req: WxRequest) => {
  if (req.url.endsWith('/api/cases') && req.method === 'POST') {
    const body = req.data as Record<string, unknown>
    return { statusCode: 201, data: { ...body, id: CASE_ID, status: 'new', topics: [], photos: [MEDIA], staffComment: null, createdAt: new Date().toISOString() } }
  }
  return { statusCode: 404, data: { error: 'not_found', message: '未找到' } }
})

// Signed in before, and one case left mid-send (its photo not uploaded yet).
fake.storage.set('zb.token', 'tok-officer')
fake.storage.set('zb.user', officer)
fake.storage.set('outbox:v1:u-officer', [
  {
    clientId: 'mabc-0123456789abcdef',
    draft: DRAFT,
    photos: [{ localPath: KEPT_PHOTO, progress: 0 }],
    state: 'sending',
    attempts: 0,
    nextAttemptAt: 0,
    createdAt: Date.now() - 60_000
  }
])


const uploads: { url: string; filePath: string; header: Record<string, string> }[] = []
Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, {
  env: { USER_DATA_PATH },
  getStorage: (o: { key: string } & Cb<{ data: unknown }>) =>
    answer(o, fake.storage.has(o.key) ? { data: fake.storage.get(o.key) } : new Error('getStorage:fail data not found')),
  setStorage: (o: { key: string; data: unknown } & Cb<{ errMsg: string }>) => {
    fake.storage.set(o.key, JSON.parse(JSON.stringify(o.data)))
    return answer(o, { errMsg: 'setStorage:ok' })
  },
  getNetworkType: (o: Cb<{ networkType: string }>) => answer(o, { networkType: 'wifi' }),
  onNetworkStatusChange: () => undefined,
  onAppShow: () => undefined,
  getFileSystemManager: () => ({
    mkdir: (o: Cb<unknown>) => answer(o, { errMsg: 'mkdir:ok' }),
    accessSync: (p: string) => {
      if (p !== KEPT_PHOTO) throw new Error(`accessSync:fail no such file ${p}`)
    },
    unlink: (o: Cb<unknown>) => answer(o, { errMsg: 'unlink:ok' }),
    readdir: (o: Cb<unknown>) => answer(o, { files: [KEPT_PHOTO.split('/').pop()] })
  }),
  uploadFile: (o: { url: string; filePath: string; header: Record<string, string> } & Cb<unknown>) => {
    uploads.push({ url: o.url, filePath: o.filePath, header: o.header })
    setTimeout(() => {
      o.success?.({ statusCode: 201, data: JSON.stringify(MEDIA), errMsg: 'uploadFile:ok' })
      o.complete?.()
    })
    return { onProgressUpdate() {}, offProgressUpdate() {}, abort() {} }
  }
})

test('launched on the home page, an officer’s unsent case goes out without opening an officer page', async () => {
  const { page } = await launchPage('pages/index/index')
  // A cold WeChat template compiler can take a few seconds on the first page of a run.
  await waitFor(() => page.dom.textContent.includes('典型事例'), 'the home page with the officer card', 60_000)

  const upload = await waitFor(() => uploads[0], 'wx.uploadFile of the kept photo')
  expect(upload).toMatchObject({ url: 'http://127.0.0.1:3000/api/media', filePath: KEPT_PHOTO })
  expect(upload.header.Authorization).toBe('Bearer tok-officer')

  const sent = await waitFor(() => fake.requests.find((r) => r.url.endsWith('/api/cases')), 'POST /api/cases')
  expect(sent.method).toBe('POST')
  expect(sent.data).toEqual({ clientId: 'mabc-0123456789abcdef', ...DRAFT, mediaIds: [MEDIA.id] })
  await waitFor(
    () => (fake.storage.get('outbox:v1:u-officer') as { state: string; caseId?: string }[])[0].state === 'submitted',
    'the entry saved as submitted'
  )
  expect((fake.storage.get('outbox:v1:u-officer') as { caseId?: string }[])[0].caseId).toBe(CASE_ID)
  // Only the main package was loaded: no officer page was navigated to.
  expect(fake.navigations).toEqual([])
}, 120_000)
