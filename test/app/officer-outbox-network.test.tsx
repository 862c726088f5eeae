// Its own file: the outbox registers the platform's network listener once per app (module).
import { render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MyCases from '@/officer/pages/my-cases/index'
import { session } from '@/services/session'
import { getOutbox, resetOutboxForTests } from '@/services/officer-outbox'
import { fakeServer } from './support/network'
import { MEDIA, officer } from './officer-fixtures'

afterEach(() => resetOutboxForTests())

test('offline at start, the case waits as 待发送; when the network comes back it is sent', async () => {
  let networkChanged: ((res: { isConnected: boolean; networkType: string }) => void) | undefined
  jest.spyOn(Taro, 'getNetworkType').mockImplementation((() => Promise.resolve({ networkType: 'none' })) as never)
  jest.spyOn(Taro, 'onNetworkStatusChange').mockImplementation(((cb: typeof networkChanged) => {
    networkChanged = cb
  }) as never)
  const uploads: unknown[] = []
  jest.spyOn(Taro, 'uploadFile').mockImplementation(((opts: unknown) => {
    uploads.push(opts)
    const task = Promise.resolve({ statusCode: 201, data: JSON.stringify(MEDIA), errMsg: 'uploadFile:ok' }) as Promise<unknown> & {
      onProgressUpdate: () => void
    }
    task.onProgressUpdate = () => undefined
    return task
  }) as never)
  const sent = fakeServer((req) =>
    req.method === 'POST' ? { statusCode: 201, data: { id: 'c0000000-0000-4000-8000-000000000009', clientId: (req.data as { clientId: string }).clientId } } : { statusCode: 200, data: { items: [] } }
  )
  session.save({ token: 'tok-1', user: officer as never })

  await getOutbox()!.enqueue({ title: '城关所查处过期食品', body: '过期牛奶 12 盒', occurredAt: '2025-11-20T01:30:00.000Z' }, ['http://localhost/p.jpg'])
  render(<MyCases />)
  const row = await waitFor(() => {
    const el = document.querySelector('.outbox__entry--queued') as HTMLElement | null
    if (!el) throw new Error('not yet')
    return el
  })
  expect(within(row).getByText('待发送')).toBeInTheDocument()
  await new Promise((r) => setTimeout(r, 50))
  expect(uploads).toHaveLength(0)
  expect(sent.filter((r) => r.method === 'POST')).toHaveLength(0)

  networkChanged!({ isConnected: true, networkType: '4g' })
  await waitFor(() => expect(document.querySelector('.outbox__entry--submitted')).not.toBeNull())
  expect(uploads).toHaveLength(1)
  expect(sent.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual(['/api/cases'])
})
