import { MESSAGE_EXTRAS } from '../helpers/message-fixtures'
import type { MessageCategory } from '../../domain/message/categories'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { runOrgReminders } from '../../server/jobs/reminders'
import { notify } from '../../server/services/notifications'
import { endOfBeijingDay } from '../../domain/deadlines'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let staff: SessionView
let a: SessionView
let b: SessionView
let serial = 0
beforeAll(async () => {
  t = await createTestApp()
  staff = await t.login('staff', '宣传')
  a = await t.login('staff', '承办人甲')
  b = await t.login('staff', '承办人乙')
}, 90_000) // a fresh PGlite and three logins: slow when the machine is shared
afterAll(() => t.close())

async function item(due: string | null, assignee: SessionView | null, category = 'complaint'): Promise<string> {
  const citizen = await t.login('citizen', `留言人${++serial}`)
  const res = await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category, body: `催办测试 ${serial}`, ...MESSAGE_EXTRAS[category as MessageCategory] } })
  expect(res.statusCode).toBe(201)
  const id = res.json().id as string
  await t.db
    .updateTable('item')
    .set({ due_at: due ? endOfBeijingDay(due) : null, assignee_id: assignee?.user.id ?? null })
    .where('id', '=', id)
    .execute()
  return id
}
const notificationsOf = (user: SessionView) =>
  t.db.selectFrom('notification').select(['item_id', 'kind', 'body']).where('user_id', '=', user.user.id).orderBy('created_at').orderBy('body').execute()

describe('the daily 催办 job, run against the database with a fixed clock', () => {
  let ids: Record<string, string>
  beforeAll(async () => {
    ids = {
      overdue: await item('2026-09-30', a),
      today: await item('2026-10-08', a),
      tomorrow: await item('2026-10-09', a),
      // Saturday 10 October 2026 is a make-up working day: two working days away on the 8th.
      makeUpSaturday: await item('2026-10-10', a),
      unassigned: await item('2026-09-30', null),
      answered: await item('2026-09-30', a, 'question'),
      noDeadline: await item(null, a),
      forB: await item('2026-10-09', b)
    }
    await t.app.inject({ method: 'POST', url: `/api/items/${ids.answered}/actions`, headers: bearer(staff), payload: { action: 'accept' } })
    await t.app.inject({ method: 'POST', url: `/api/items/${ids.answered}/reply`, headers: bearer(staff), payload: { body: '已答复' } })
  }, 60_000)

  it('on the first working day after National Day, tells each assignee what is overdue and due soon', async () => {
    const result = await runOrgReminders(t.db, t.orgId, new Date('2026-10-08T09:00:00+08:00'))
    expect(result).toMatchObject({ day: '2026-10-08', skipped: null, notified: 4 })
    expect(await notificationsOf(a)).toEqual(
      expect.arrayContaining([
        { item_id: ids.overdue, kind: 'overdue', body: '已超期 1 个工作日' },
        { item_id: ids.today, kind: 'due_soon', body: '今日到期' },
        { item_id: ids.tomorrow, kind: 'due_soon', body: '剩 1 个工作日' }
      ])
    )
    expect(await notificationsOf(a)).toHaveLength(3)
    expect(await notificationsOf(b)).toEqual([{ item_id: ids.forB, kind: 'due_soon', body: '剩 1 个工作日' }])
    expect(result.report?.items.map((i) => i.id)).toEqual(expect.arrayContaining([ids.overdue, ids.unassigned]))
    expect(result.report?.items.map((i) => i.id)).not.toContain(ids.answered)
  })

  it('a rerun on the same day adds nothing', async () => {
    const again = await runOrgReminders(t.db, t.orgId, new Date('2026-10-08T09:05:00+08:00'))
    expect(again.notified).toBe(0)
    expect(await notificationsOf(a)).toHaveLength(3)
  })

  it('skips a public holiday', async () => {
    expect(await runOrgReminders(t.db, t.orgId, new Date('2026-10-05T09:00:00+08:00'))).toEqual({
      orgId: t.orgId,
      day: '2026-10-05',
      skipped: 'day_off',
      notified: 0,
      report: null
    })
  })

  it('reminds again on the next working day, with the new counts', async () => {
    const next = await runOrgReminders(t.db, t.orgId, new Date('2026-10-09T09:00:00+08:00'))
    expect(next.notified).toBe(5)
    const latest = (await notificationsOf(a)).slice(3)
    expect(latest).toEqual(
      expect.arrayContaining([
        { item_id: ids.overdue, kind: 'overdue', body: '已超期 2 个工作日' },
        { item_id: ids.today, kind: 'overdue', body: '已超期 1 个工作日' },
        { item_id: ids.tomorrow, kind: 'due_soon', body: '今日到期' },
        { item_id: ids.makeUpSaturday, kind: 'due_soon', body: '剩 1 个工作日' }
      ])
    )
  })
})

describe('notifications (the bell)', () => {
  it('each user reads and marks only their own', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(a) })
    expect(page.statusCode).toBe(200)
    const body = page.json()
    expect(body.unreadCount).toBe(7)
    expect(body.items[0]).toMatchObject({ kindLabel: expect.stringMatching(/已超期|即将到期/), excerpt: expect.stringContaining('催办测试'), readAt: null })

    const first = body.items[0].id
    const foreign = await t.app.inject({ method: 'POST', url: `/api/notifications/${first}/read`, headers: bearer(b) })
    expect(foreign.statusCode).toBe(404)
    const read = await t.app.inject({ method: 'POST', url: `/api/notifications/${first}/read`, headers: bearer(a) })
    expect(read.json()).toEqual({ unreadCount: 6 })
    const unread = await t.app.inject({ method: 'GET', url: '/api/notifications?unread=true&limit=100', headers: bearer(a) })
    expect(unread.json().items.map((n: { id: string }) => n.id)).not.toContain(first)
    expect((await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: bearer(a) })).json()).toEqual({ updated: 6 })
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(a) })).json().unreadCount).toBe(0)
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(b) })).json().unreadCount).toBe(2)
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications?limit=0', headers: bearer(a) })).statusCode).toBe(400)
  })

  it('notify() skips the actor and writes each event once per person', async () => {
    const id = await item(null, null)
    const event = { orgId: t.orgId, kind: 'mentioned' as const, itemId: id, userIds: [a.user.id, b.user.id, staff.user.id], actorId: staff.user.id, body: '@承办人甲 请看', dedupeKey: 'event-1' }
    expect(await notify(t.db, event)).toBe(2)
    expect(await notify(t.db, event)).toBe(0)
    const mine = await t.app.inject({ method: 'GET', url: '/api/notifications?unread=true', headers: bearer(b) })
    expect(mine.json().items[0]).toMatchObject({ kind: 'mentioned', kindLabel: '提到我', itemId: id, actorName: '宣传', body: '@承办人甲 请看' })
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications?unread=true', headers: bearer(staff) })).json().items).toEqual([])
  })
})
