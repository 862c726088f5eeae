import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import type { SessionView } from '../../domain/schemas/auth'
import { COMPLAINT_EXTRAS } from '../helpers/message-fixtures'

let t: TestApp
let staff: SessionView
let colleague: SessionView
let other: SessionView
beforeAll(async () => {
  t = await createTestApp()
  staff = await t.login('staff', '王五')
  colleague = await t.login('staff', '李四')
  other = await t.login('staff', '赵六')
}, 90_000) // a fresh PGlite and logins: slow when the machine is shared
afterAll(() => t.close())

const post = (s: SessionView, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(s), payload })
const bell = async (s: SessionView) => (await t.app.inject({ method: 'GET', url: '/api/notifications?unread=true', headers: bearer(s) })).json()

it('assigning tells the new assignee, once; assigning to oneself tells no one', async () => {
  const author = await t.login('citizen', '群众甲')
  const id = (await post(author, '/api/messages', { category: 'complaint', ...COMPLAINT_EXTRAS, body: '门口井盖缺失' })).json().id
  expect((await post(staff, `/api/items/${id}/assign`, { assigneeId: colleague.user.id, version: 1 })).statusCode).toBe(200)
  expect((await bell(colleague)).items).toEqual([expect.objectContaining({ kind: 'assigned', kindLabel: '分派给我', itemId: id, actorName: '王五' })])
  // A department-only change and a self-assignment notify nobody new.
  expect((await post(colleague, `/api/items/${id}/assign`, { assigneeId: colleague.user.id, version: 2 })).statusCode).toBe(200)
  expect((await bell(colleague)).unreadCount).toBe(1)
  expect((await bell(staff)).unreadCount).toBe(0)
})

it('an @mention in a note reaches the colleague under 提到我', async () => {
  const author = await t.login('citizen', '群众乙')
  const id = (await post(author, '/api/messages', { category: 'question', body: '年报怎么填' })).json().id
  expect((await post(staff, `/api/items/${id}/notes`, { body: '@李四 @赵六 请看一下', version: 1 })).statusCode).toBe(200)
  for (const s of [colleague, other]) {
    expect((await bell(s)).items).toContainEqual(expect.objectContaining({ kind: 'mentioned', kindLabel: '提到我', itemId: id, body: '@李四 @赵六 请看一下' }))
  }
  expect((await bell(staff)).unreadCount).toBe(0)
})
