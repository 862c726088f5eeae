// The built staff inbox keeps itself live in the mini-program by polling GET /api/inbox/changes
// (src/staff/services/live.weapp.ts) while the page is shown: the first poll asks from now (no
// `since`), each later one sends the cursor the last answer gave; a change to a row on screen
// patches it, a new item is gathered under 有 N 条新事项 (tap to show it), a cursor the server no
// longer takes (400) starts again from now and offers to reload the list; a hidden page asks
// nothing until it is shown again. Jest's fake timers stand in for the LIVE_POLL_SECONDS wait.
import { LIVE_POLL_SECONDS } from '../../domain/live'
import { hidePage, installWx, launchPage, showPage, waitFor, type WxRequest, type WxResponse } from './support/harness'
import { deepAll, type SimNode } from './support/deep-query'
import { deskRow } from '../app/support/desk-fixtures'

// Only the clock's timers: promises and WeChat's callbacks run as they do. `advanceTimers` lets the
// clock also run on its own, so the harness's waits work; the tests jump it by whole poll periods.
jest.useFakeTimers({ advanceTimers: true, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] })

const POLL_MS = LIVE_POLL_SECONDS * 1000
const STAFF = { id: 'u-staff', orgId: 'o1', name: '王宣传', roles: ['staff'], departmentId: null, departmentName: null }
const complaint = deskRow()
const arrived = deskRow({ id: 'a0000000-0000-4000-8000-000000000042', category: 'tipoff', excerpt: '南街药店销售过期药品', createdAt: '2026-11-26T02:00:00.000Z' })

// The fake server: the list is what `listed` holds; each poll answers the next scripted answer
// (or nothing new) with a cursor of its own, so a poll's `since` tells which answer it follows.
// A scripted answer may be a Promise: the poll stays out until the test settles it.
let listed = [complaint]
type Scripted = (cursor: string) => WxResponse | Promise<WxResponse>
const script: Scripted[] = []
let answered = 0
const polls: { since: string | null; cursor: string | null | undefined }[] = []
const noChange = (cursor: string): WxResponse => ({ statusCode: 200, data: { changes: [], cursor } })
const changed = (...changes: { id: string; version: number; status: string }[]): Scripted => (cursor) => ({
  statusCode: 200,
  data: { changes: changes.map((c) => ({ ...c, kind: 'message' })), cursor }
})
const refused = (): WxResponse => ({ statusCode: 400, data: { error: 'invalid', message: '游标无效', field: 'since' } })

const fake = installWx((req: WxRequest) => {
  const url = new URL(req.url)
  if (url.pathname === '/api/inbox/counts') return { statusCode: 200, data: { views: [{ id: 'open', label: '全部待处理', builtin: true, count: listed.length }] } }
  if (url.pathname === '/api/inbox') return { statusCode: 200, data: { items: listed, nextCursor: null } }
  if (url.pathname === '/api/inbox/changes') {
    const cursor = `cur-${++answered}`
    const poll: (typeof polls)[number] = { since: url.searchParams.get('since'), cursor: undefined }
    polls.push(poll)
    const res = (script.shift() ?? noChange)(cursor)
    const record = (r: WxResponse) => {
      poll.cursor = r.statusCode === 200 ? cursor : null
      return r
    }
    return res instanceof Promise ? res.then(record) : record(res)
  }
  return { statusCode: 404, data: { error: 'not_found', message: '未找到' } }
})
fake.storage.set('zb.token', 'tok-staff')
fake.storage.set('zb.user', STAFF)

const listLoads = () => fake.requests.filter((r) => new URL(r.url).pathname === '/api/inbox').length
const rowWith = (page: SimNode, text: string) => deepAll(page, '.desk-row').find((r) => r.dom.textContent?.includes(text))
const freshBar = (page: SimNode, text: string) => deepAll(page, '.desk__fresh').find((b) => b.dom.textContent?.trim() === text)
/** Moves the clock one poll period on and waits for the poll it brings. */
async function nextPoll(): Promise<(typeof polls)[number]> {
  const before = polls.length
  await jest.advanceTimersByTimeAsync(POLL_MS)
  await waitFor(() => polls.length > before, 'the next poll')
  return polls[polls.length - 1]!
}

afterAll(() => jest.useRealTimers())

test('the built inbox polls with the cursor it was given, patches rows, gathers new items, restarts after a 400, and polls only while shown', async () => {
  const { page } = await launchPage('staff/pages/inbox/index')
  await waitFor(() => rowWith(page, '东关夜市烧烤摊占道经营'), 'the complaint row')

  // The first poll asks from now: no cursor yet.
  await waitFor(() => polls.length === 1, 'the first poll')
  expect(polls[0]).toEqual({ since: null, cursor: 'cur-1' })
  // Each later poll sends the cursor the answer before it gave, one period after it.
  expect(await nextPoll()).toEqual({ since: 'cur-1', cursor: 'cur-2' })
  expect(await nextPoll()).toEqual({ since: 'cur-2', cursor: 'cur-3' })

  // A colleague accepts the complaint on screen: its row is patched in place, no reload.
  const loadsBefore = listLoads()
  expect(rowWith(page, '东关夜市烧烤摊占道经营')!.dom.textContent).toContain('待受理')
  script.push(changed({ id: complaint.id, version: 2, status: 'accepted' }))
  expect(await nextPoll()).toEqual({ since: 'cur-3', cursor: 'cur-4' })
  await waitFor(() => rowWith(page, '东关夜市烧烤摊占道经营')!.dom.textContent?.includes('已受理'), 'the row to show 已受理')
  expect(listLoads()).toBe(loadsBefore)

  // A new item arrives: the list does not move under the reader; the bar says so, and a tap shows it.
  listed = [arrived, { ...complaint, status: 'accepted', version: 2 }]
  script.push(changed({ id: arrived.id, version: 1, status: 'new' }))
  expect(await nextPoll()).toEqual({ since: 'cur-4', cursor: 'cur-5' })
  const bar = await waitFor(() => freshBar(page, '有 1 条新事项，点击查看'), 'the 有 1 条新事项 bar')
  expect(rowWith(page, '南街药店销售过期药品')).toBeUndefined()
  bar.dispatchEvent('tap')
  await waitFor(() => rowWith(page, '南街药店销售过期药品'), 'the new row')
  expect(listLoads()).toBe(loadsBefore + 1)
  await waitFor(() => !freshBar(page, '有 1 条新事项，点击查看'), 'the bar to go')

  // A cursor the server no longer takes: the app starts again from now and offers a reload.
  script.push(refused)
  expect(await nextPoll()).toEqual({ since: 'cur-5', cursor: null })
  const stale = await waitFor(() => freshBar(page, '列表有更新，点击刷新'), 'the 列表有更新 bar')
  expect(await nextPoll()).toEqual({ since: null, cursor: 'cur-7' })
  expect(await nextPoll()).toEqual({ since: 'cur-7', cursor: 'cur-8' })
  const loadsBeforeResync = listLoads()
  stale.dispatchEvent('tap')
  await waitFor(() => listLoads() === loadsBeforeResync + 1, 'the list to reload')
  await waitFor(() => !freshBar(page, '列表有更新，点击刷新'), 'the bar to go')

  // Another item arrives, then another page covers the inbox (an item opened) while a poll is
  // still out: no polling while it is hidden.
  const third = deskRow({ id: 'a0000000-0000-4000-8000-000000000043', category: 'question', excerpt: '个体户年报怎么填', createdAt: '2026-11-27T02:00:00.000Z' })
  script.push(changed({ id: third.id, version: 1, status: 'new' }))
  expect(await nextPoll()).toEqual({ since: 'cur-8', cursor: 'cur-9' })
  await waitFor(() => freshBar(page, '有 1 条新事项，点击查看'), 'the bar for the third item')
  listed = [third, ...listed]
  let answerLate: (res: WxResponse) => void = () => undefined
  script.push(() => new Promise<WxResponse>((resolve) => (answerLate = resolve)))
  const outPoll = await nextPoll()
  expect(outPoll).toEqual({ since: 'cur-9', cursor: undefined })
  rowWith(page, '南街药店销售过期药品')!.dispatchEvent('tap')
  await waitFor(() => fake.navigations.some((n) => n.api === 'navigateTo'), 'the item page to open')
  hidePage()
  const hiddenAt = polls.length
  for (let i = 0; i < 3; i++) await jest.advanceTimersByTimeAsync(POLL_MS)
  expect(polls.length).toBe(hiddenAt)

  // Back on the inbox: the list reloads (the third item is in it, so its bar goes), and polling
  // starts again from now and goes on with its own cursors.
  const loadsBeforeShow = listLoads()
  showPage()
  await waitFor(() => polls.length === hiddenAt + 1, 'the poll on coming back')
  expect(polls[hiddenAt]).toEqual({ since: null, cursor: 'cur-11' })
  await waitFor(() => listLoads() > loadsBeforeShow && rowWith(page, '个体户年报怎么填'), 'the list to reload on show')
  await waitFor(() => !freshBar(page, '有 1 条新事项，点击查看'), 'the bar to go with the reload')

  // The poll that was out when the page hid is answered only now, with a 400: it belonged to the
  // polling that stopped, so it does not offer a reload the page has just done.
  answerLate(refused())
  await waitFor(() => outPoll.cursor === null, 'the late answer')
  expect(await nextPoll()).toEqual({ since: 'cur-11', cursor: 'cur-12' })
  expect(await nextPoll()).toEqual({ since: 'cur-12', cursor: 'cur-13' })
  expect(freshBar(page, '列表有更新，点击刷新')).toBeUndefined()
})
