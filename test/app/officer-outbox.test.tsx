import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MyCases from '@/officer/pages/my-cases/index'
import { session } from '@/services/session'
import { getOutbox, resetOutboxForTests } from '@/services/officer-outbox'
import { NOT_CONFIRMED_MESSAGE, outboxStorageKey, PHOTO_GONE_MESSAGE } from '@/services/outbox-ports'
import { fakeServer } from './support/network'
import { MEDIA, officer } from './officer-fixtures'

const draft = { title: '城关所查处过期食品', body: '执法人员在某超市发现过期牛奶 12 盒。', occurredAt: '2025-11-20T01:30:00.000Z' }

type Answer = { statusCode: number; data: string } | Error
/** Taro.uploadFile as the H5 runtime returns it: a Promise carrying onProgressUpdate. */
function fakeUploads(answer: () => Answer) {
  const calls: Taro.uploadFile.Option[] = []
  jest.spyOn(Taro, 'uploadFile').mockImplementation(((opts: Taro.uploadFile.Option) => {
    calls.push(opts)
    let listener: ((p: { progress: number }) => void) | undefined
    const res = answer()
    const task = new Promise((resolve, reject) =>
      setTimeout(() => {
        listener?.({ progress: 50 })
        if (res instanceof Error) reject(res)
        else resolve({ ...res, errMsg: 'uploadFile:ok' })
      })
    ) as Promise<unknown> & { onProgressUpdate: (l: typeof listener) => void }
    task.onProgressUpdate = (l) => {
      listener = l
    }
    return task
  }) as never)
  return calls
}

beforeEach(() => {
  resetOutboxForTests()
  session.save({ token: 'tok-1', user: officer as never })
})
afterEach(() => resetOutboxForTests())

test("a photo the server refuses fails the entry with the server's reason; 重试 sends it and the case", async () => {
  let refuse = true
  const uploads = fakeUploads(() =>
    refuse
      ? { statusCode: 413, data: JSON.stringify({ error: 'payload_too_large', message: '照片超过 15 MB，请换一张' }) }
      : { statusCode: 201, data: JSON.stringify(MEDIA) }
  )
  const sent = fakeServer((req) =>
    req.method === 'POST'
      ? { statusCode: 201, data: { id: 'c0000000-0000-4000-8000-000000000009', clientId: (req.data as { clientId: string }).clientId } }
      : { statusCode: 200, data: { items: [] } }
  )
  const entry = await getOutbox()!.enqueue(draft, ['http://localhost/photo-1.jpg'])
  render(<MyCases />)

  const row = await waitFor(() => {
    const el = document.querySelector('.outbox__entry--failed') as HTMLElement | null
    if (!el) throw new Error('no failed entry yet')
    return el
  })
  expect(within(row).getByText('失败')).toBeInTheDocument()
  expect(within(row).getByText('照片超过 15 MB，请换一张')).toBeInTheDocument()
  expect(uploads[0]).toMatchObject({ url: '/api/media', name: 'file', filePath: 'http://localhost/photo-1.jpg' })
  expect(uploads[0].header).toEqual({ Authorization: 'Bearer tok-1' })
  expect(sent.filter((r) => r.method === 'POST')).toHaveLength(0)

  refuse = false
  fireEvent.click(within(row).getByText('重试'))
  await waitFor(() => expect(document.querySelector('.outbox__entry--submitted')).not.toBeNull())
  expect(screen.getByText('已提交')).toBeInTheDocument()
  const post = sent.find((r) => r.method === 'POST')!
  expect(post.url).toBe('/api/cases')
  expect(post.data).toEqual({ clientId: entry.clientId, ...draft, mediaIds: [MEDIA.id] })
  // The delivered case is fetched into the list below.
  await waitFor(() => expect(sent.filter((r) => r.url === '/api/cases/mine')).toHaveLength(2))
  const saved = Taro.getStorageSync(outboxStorageKey(officer.id)) as { state: string }[]
  expect(saved.map((e) => e.state)).toEqual(['submitted'])
})

test('no network answer keeps the entry queued with a Chinese reason, to be retried automatically', async () => {
  fakeUploads(() => new Error('uploadFile:fail timeout'))
  fakeServer(() => ({ statusCode: 200, data: { items: [] } }))
  await getOutbox()!.enqueue(draft, ['http://localhost/photo-2.jpg'])
  render(<MyCases />)
  const row = await waitFor(() => {
    const el = document.querySelector('.outbox__entry--queued') as HTMLElement | null
    if (!el?.textContent?.includes('网络不稳定')) throw new Error('not yet')
    return el
  })
  expect(within(row).getByText('待发送')).toBeInTheDocument()
  expect(within(row).getByText('立即发送')).toBeInTheDocument()
})

test('a photo that did not survive a page reload (dead blob: URL) fails the entry at once, without uploading', async () => {
  const uploads = fakeUploads(() => ({ statusCode: 201, data: JSON.stringify(MEDIA) }))
  fakeServer(() => ({ statusCode: 200, data: { items: [] } }))
  await getOutbox()!.enqueue(draft, ['blob:http://localhost/from-before-the-reload'])
  render(<MyCases />)
  const row = await waitFor(() => {
    const el = document.querySelector('.outbox__entry--failed') as HTMLElement | null
    if (!el) throw new Error('not yet')
    return el
  })
  expect(within(row).getByText(PHOTO_GONE_MESSAGE)).toBeInTheDocument()
  expect(within(row).getByText('删除')).toBeInTheDocument()
  expect(uploads).toHaveLength(0)
})

test('移除 drops the one photo the server refused; 重试 then sends the case with the others', async () => {
  const uploads = fakeUploads(() =>
    uploads.at(-1)!.filePath.endsWith('bad.jpg')
      ? { statusCode: 422, data: JSON.stringify({ error: 'corrupt', message: '图片已损坏或无法识别，请重新拍摄或选择其他图片' }) }
      : { statusCode: 201, data: JSON.stringify(MEDIA) }
  )
  const sent = fakeServer((req) =>
    req.method === 'POST'
      ? { statusCode: 201, data: { id: 'c0000000-0000-4000-8000-00000000000a', clientId: (req.data as { clientId: string }).clientId } }
      : { statusCode: 200, data: { items: [] } }
  )
  const asked = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
  const entry = await getOutbox()!.enqueue(draft, ['http://localhost/good.jpg', 'http://localhost/bad.jpg'])
  render(<MyCases />)
  const row = await waitFor(() => {
    const el = document.querySelector('.outbox__entry--failed') as HTMLElement | null
    if (!el) throw new Error('no failed entry yet')
    return el
  })
  expect(within(row).getByText('图片已损坏或无法识别，请重新拍摄或选择其他图片')).toBeInTheDocument()
  // The first photo went up; only the refused one offers 移除.
  expect(within(row).getAllByText('移除')).toHaveLength(1)
  fireEvent.click(within(row).getByText('移除'))
  await waitFor(() => expect(asked).toHaveBeenCalled())
  await waitFor(() => expect(getOutbox()!.entries()[0].photos).toHaveLength(1))
  await waitFor(() => expect(within(row).queryByText('移除')).toBeNull())

  fireEvent.click(within(row).getByText('重试'))
  await waitFor(() => expect(document.querySelector('.outbox__entry--submitted')).not.toBeNull())
  expect(sent.find((r) => r.method === 'POST')!.data).toEqual({ clientId: entry.clientId, ...draft, mediaIds: [MEDIA.id] })
  expect(uploads).toHaveLength(2)
})

// A 2xx without this case (an empty body, or another item's answer) is not a delivery: the entry
// stays queued and is sent again; the server's clientId idempotency makes the retry harmless.
test.each([
  ['an empty body', () => ''],
  ['a message instead of the case', () => ({ id: 'a0000000-0000-4000-8000-000000000001', trackingCode: 'LY7K3Q9P', status: 'new' })],
  ['another case', () => ({ id: 'c0000000-0000-4000-8000-00000000000b', clientId: 'someone-elses-id' })]
])('a 2xx with %s leaves the entry unsent, to be tried again', async (_what, body) => {
  fakeUploads(() => ({ statusCode: 201, data: JSON.stringify(MEDIA) }))
  const sent = fakeServer((req) => (req.method === 'POST' ? { statusCode: 200, data: body() } : { statusCode: 200, data: { items: [] } }))
  await getOutbox()!.enqueue(draft, ['http://localhost/photo-3.jpg'])
  render(<MyCases />)
  const row = await waitFor(() => {
    const el = document.querySelector('.outbox__entry--queued') as HTMLElement | null
    if (!el?.textContent?.includes(NOT_CONFIRMED_MESSAGE)) throw new Error('not yet')
    return el
  })
  expect(within(row).getByText('待发送')).toBeInTheDocument()
  expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1)
  expect(getOutbox()!.entries()[0]).toMatchObject({ state: 'queued', attempts: 1 })
  expect(getOutbox()!.entries()[0].caseId).toBeUndefined()
})
