import { installWx, launchPage, templateLevels, treeDepth, waitFor, type WxRequest } from './support/harness'
import { officer } from '../app/officer-fixtures'
import { jpegWithExif } from '../helpers/images'
import { answer, type Cb } from './support/wx-answer'
import { fakeUploadFile, type UploadCall } from './support/upload-file'

const SESSION = { token: 'tok-officer', user: officer }
const MEDIA = { id: 'm0000000-0000-4000-8000-000000000001', url: 'https://x/p.jpg', thumbUrl: 'https://x/t.jpg', width: 1920, height: 1440, bytes: 420000 }
const CASE_ID = 'c0000000-0000-4000-8000-000000000001'

// Before app.js loads: Taro reads the wx API list at start-up.
const fake = installWx((req: WxRequest) => {
  if (req.url.endsWith('/api/auth/wechat')) return { statusCode: 200, data: SESSION }
  if (req.url.endsWith('/api/cases') && req.method === 'POST') {
    const body = req.data as Record<string, unknown>
    return { statusCode: 201, data: { ...body, id: CASE_ID, status: 'new', topics: [], photos: [MEDIA], staffComment: null, createdAt: new Date().toISOString() } }
  }
  return { statusCode: 404, data: { error: 'not_found', message: '未找到' } }
})


const uploads: UploadCall[] = []
const compressed: Record<string, unknown>[] = []
const saved: { tempFilePath: string; filePath: string }[] = []
const USER_DATA_PATH = 'wxfile://usr'
// The camera's original: 4032×3024 with its capture time and GPS (what compression throws away).
// Filled in beforeAll; only the head is ever read, through the FileSystemManager.
let original: Buffer = Buffer.alloc(0)
const reads: { filePath: string; position?: number; length?: number }[] = []
beforeAll(async () => {
  original = await jpegWithExif(4032, 3024, {
    dateTimeOriginal: '2026:11:25 10:05:00',
    gps: { latRef: 'N', lat: '34/1 15/1 0/1', lngRef: 'E', lng: '108/1 56/1 0/1' }
  })
})

Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, {
  env: { USER_DATA_PATH },
  getStorage: (o: { key: string } & Cb<{ data: unknown }>) =>
    answer(o, fake.storage.has(o.key) ? { data: fake.storage.get(o.key) } : new Error('getStorage:fail data not found')),
  setStorage: (o: { key: string; data: unknown } & Cb<{ errMsg: string }>) => {
    fake.storage.set(o.key, JSON.parse(JSON.stringify(o.data)))
    return answer(o, { errMsg: 'setStorage:ok' })
  },
  getNetworkType: (o: Cb<{ networkType: string }>) => answer(o, { networkType: '4g' }),
  onNetworkStatusChange: () => undefined,
  onAppShow: () => undefined,
  pageScrollTo: (o: Cb<unknown>) => answer(o, { errMsg: 'pageScrollTo:ok' }),
  getLocation: (o: Cb<unknown>) => answer(o, { latitude: 30.1, longitude: 120.2 }),
  // Passed straight through by Taro: must return a Promise when called without callbacks.
  chooseMedia: (o: Cb<unknown>) =>
    answer(o, { type: 'image', tempFiles: [{ tempFilePath: 'wxfile://tmp/IMG_0001.jpg', size: 4_800_000, fileType: 'image' }] }),
  getImageInfo: (o: { src: string } & Cb<unknown>) => answer(o, { width: 4032, height: 3024, path: o.src, type: 'jpeg', orientation: 'up' }),
  compressImage: (o: { src: string } & Cb<unknown>) => {
    compressed.push(o)
    return answer(o, { tempFilePath: 'wxfile://tmp/IMG_0001-small.jpg', errMsg: 'compressImage:ok' })
  },
  getFileSystemManager: () => ({
    mkdir: (o: Cb<unknown>) => answer(o, { errMsg: 'mkdir:ok' }),
    saveFile: (o: { tempFilePath: string; filePath: string } & Cb<unknown>) => {
      saved.push({ tempFilePath: o.tempFilePath, filePath: o.filePath })
      return answer(o, { savedFilePath: o.filePath, errMsg: 'saveFile:ok' })
    },
    accessSync: (p: string) => {
      if (!saved.some((f) => f.filePath === p) && !p.startsWith('wxfile://tmp/')) throw new Error(`accessSync:fail no such file ${p}`)
    },
    unlink: (o: Cb<unknown>) => answer(o, { errMsg: 'unlink:ok' }),
    statSync: (p: string) => {
      if (p !== 'wxfile://tmp/IMG_0001.jpg') throw new Error(`statSync:fail no such file ${p}`)
      return { size: original.length, isFile: () => true, isDirectory: () => false }
    },
    // WeChat refuses a range past the end of the file: so does this stand-in.
    readFile: (o: { filePath: string; position?: number; length?: number } & Cb<{ data: ArrayBuffer }>) => {
      reads.push({ filePath: o.filePath, position: o.position, length: o.length })
      const start = o.position ?? 0
      const end = o.length === undefined ? original.length : start + o.length
      if (o.filePath !== 'wxfile://tmp/IMG_0001.jpg' || end > original.length) return answer(o, new Error('readFile:fail the value of "length" is out of range'))
      const bytes = original.subarray(start, end)
      return answer(o, { data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })
    },
    readdir: (o: Cb<unknown>) => answer(o, { files: saved.map((s) => s.filePath.split('/').pop()) })
  }),
  uploadFile: fakeUploadFile(uploads)
})

test('the built case form compresses a photo, queues the case, shows upload progress and sends the case with its clientId', async () => {
  const { page } = await launchPage('officer/pages/case-new/index')
  await waitFor(() => fake.storage.get('zb.token'), 'the silent WeChat login')
  // A cold WeChat template compiler can take a few seconds on the first page of a run.
  await waitFor(() => page.querySelector('.case-form__title'), 'the case form (officer signed in)', 60_000)
  expect(page.dom.textContent).toContain('城关市场监管所')

  page.querySelector('.case-form__title').dispatchEvent('input', { detail: { value: '城关所查处过期食品' } })
  page.querySelector('.case-form__body').dispatchEvent('input', { detail: { value: '执法人员在某超市发现过期牛奶 12 盒，已责令下架并立案。' } })
  page.querySelector('.case-form__address').dispatchEvent('input', { detail: { value: '城关镇人民路 12 号' } })
  await waitFor(() => page.dom.textContent.includes('9/60'), 'the title counter')

  page.querySelector('.case-form__add-photo').dispatchEvent('tap')
  await waitFor(() => page.querySelector('.case-form__photo'), 'the picked photo on the form')
  // Compressed on the phone to the long side the server keeps: 4032×3024 → 1920×1440 at 75.
  expect(compressed[0]).toMatchObject({ src: 'wxfile://tmp/IMG_0001.jpg', quality: 75, compressedWidth: 1920, compressedHeight: 1440 })

  page.querySelector('.case-form__submit').dispatchEvent('tap')

  // The outbox kept the compressed photo in its own folder and started uploading it.
  const upload = await waitFor(() => uploads[0], 'wx.uploadFile')
  expect(saved[0].tempFilePath).toBe('wxfile://tmp/IMG_0001-small.jpg')
  expect(saved[0].filePath.startsWith(`${USER_DATA_PATH}/outbox/`)).toBe(true)
  expect(upload).toMatchObject({ url: 'http://127.0.0.1:3000/api/media', name: 'file', filePath: saved[0].filePath })
  expect(upload.header.Authorization).toBe('Bearer tok-officer')
  // The original's capture time and place, read from its head before compression, go with it.
  expect(reads[0]).toMatchObject({ filePath: 'wxfile://tmp/IMG_0001.jpg', position: 0 })
  expect(reads[0].length).toBeLessThanOrEqual(128 * 1024)
  expect(upload.formData).toEqual({ deviceTakenAt: '2026-11-25T10:05:00+08:00', deviceLat: '34.2500000', deviceLng: '108.9333333' })

  // The entry is on the page, sending, with the photo's own progress.
  await waitFor(() => page.querySelector('.outbox__entry'), 'the outbox entry')
  upload.progress({ progress: 40, totalBytesSent: 168000, totalBytesExpectedToSend: 420000 })
  await waitFor(() => page.dom.innerHTML.includes('width:40%') || page.dom.innerHTML.includes('width: 40%'), 'the photo progress bar at 40%')
  const entry = page.querySelector('.outbox__entry')
  expect(entry.dom.textContent).toContain('城关所查处过期食品')
  expect(entry.dom.textContent).toContain('发送中')
  // The form above a sending entry is the deepest screen the app draws: it fits base.wxml's
  // template levels, which are cut down to keep the main package small.
  const depth = treeDepth(page.data.root)
  console.log(`case form with a sending entry: ${depth} levels deep; base.wxml has ${templateLevels()}`)
  expect(depth).toBeLessThanOrEqual(templateLevels())
  // The whole entry is a photo plus the case: 40% of one of two steps.
  expect(page.dom.innerHTML).toMatch(/width:\s?20%/)

  upload.finish(201, JSON.stringify(MEDIA))
  const sent = await waitFor(() => fake.requests.find((r) => r.url.endsWith('/api/cases')), 'POST /api/cases')
  const stored = fake.storage.get('outbox:v1:u-officer') as { clientId: string }[]
  expect(stored).toHaveLength(1)
  expect(sent.method).toBe('POST')
  expect(sent.header.Authorization).toBe('Bearer tok-officer')
  expect(sent.data).toEqual({
    clientId: stored[0].clientId,
    title: '城关所查处过期食品',
    body: '执法人员在某超市发现过期牛奶 12 盒，已责令下架并立案。',
    occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    place: { address: '城关镇人民路 12 号' },
    mediaIds: [MEDIA.id]
  })
  await waitFor(() => page.querySelector('.outbox__entry').dom.textContent.includes('已提交'), 'the entry to read 已提交')
  // The saved list says so too, and the form is empty for the next case.
  await waitFor(() => (fake.storage.get('outbox:v1:u-officer') as { state: string }[])[0].state === 'submitted', 'submitted saved')
  expect(page.querySelectorAll('.case-form__photo')).toHaveLength(0)
}, 120_000)
