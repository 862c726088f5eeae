import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { dueAtFor, calendarStatus } from '../../server/services/deadlines'
import { overdueReport } from '../../server/services/overdue-report'
import { calendarStartupLines } from '../../server/startup/calendar-check'
import { addWorkingDays, beijingDay, createCalendar, endOfBeijingDay } from '../../domain/deadlines'
import { BUILTIN_YEARS } from '../../domain/deadlines/builtin'
import type { SessionView } from '../../domain/schemas/auth'
import { MESSAGE_EXTRAS } from '../helpers/message-fixtures'
import type { MessageCategory } from '../../domain/message/categories'

let t: TestApp
let admin: SessionView
let staff: SessionView
let serial = 0
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login('admin', '管理员')
  staff = await t.login('staff', '宣传')
}, 90_000) // a fresh PGlite and two logins: slow when the machine is shared
afterAll(() => t.close())

async function postMessage(category: string): Promise<string> {
  const citizen = await t.login('citizen', `留言人${++serial}`)
  const res = await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category, ...MESSAGE_EXTRAS[category as MessageCategory], body: `时限测试 ${serial}` } })
  expect(res.statusCode).toBe(201)
  return res.json().id
}
const dueOf = async (id: string) => (await t.db.selectFrom('item').select(['due_at', 'created_at', 'accepted_at']).where('id', '=', id).executeTakeFirstOrThrow())
const builtin = createCalendar(BUILTIN_YEARS)
/** What the engine (tested by hand-counted days in test/domain) says; here we test the wiring. */
const expectedDue = (from: Date, n: number) => endOfBeijingDay(addWorkingDays(builtin, beijingDay(from), n).value)

describe('due_at is set when the clock starts', () => {
  it('a complaint is due 7 working days after receipt, at the end of that Beijing day', async () => {
    const id = await postMessage('complaint')
    const row = await dueOf(id)
    expect(row.due_at).toEqual(expectedDue(row.created_at, 7))
    expect(row.due_at!.toISOString()).toMatch(/T15:59:59\.999Z$/)
  })

  it('on acceptance a complaint gets the 45-day rule; a question keeps its 3-day deadline', async () => {
    const complaint = await postMessage('complaint')
    const question = await postMessage('question')
    const before = await dueOf(question)
    expect(before.due_at).toEqual(expectedDue(before.created_at, 3))
    for (const id of [complaint, question]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/items/${id}/actions`, headers: bearer(staff), payload: { action: 'accept' } })
      expect(res.statusCode).toBe(200)
    }
    const c = await dueOf(complaint)
    expect(c.due_at).toEqual(expectedDue(c.accepted_at!, 45))
    expect((await dueOf(question)).due_at).toEqual(before.due_at)
  })

  it('suggestions and cases have no deadline by default', async () => {
    expect((await dueOf(await postMessage('suggestion'))).due_at).toBeNull()
    const officer = await t.login('officer', '干部')
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: bearer(officer),
      payload: { clientId: 'deadline-case-1', title: '事例', body: '内容', occurredAt: new Date().toISOString(), mediaIds: [] }
    })
    expect(res.statusCode).toBe(201)
    expect((await dueOf(res.json().id)).due_at).toBeNull()
  })
})

describe('the desk sees the deadline in working days', () => {
  it('on the item and in the inbox; the author does not', async () => {
    const citizen = await t.login('citizen', '看时限的人')
    const res = await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category: 'complaint', ...MESSAGE_EXTRAS.complaint, body: '今日到期的投诉' } })
    const id = res.json().id
    const today = endOfBeijingDay(beijingDay(new Date()))
    await t.db.updateTable('item').set({ due_at: today }).where('id', '=', id).execute()
    const expected = { dueAt: today.toISOString(), state: 'due_today', workingDays: 0, label: '今日到期', dueSoon: true, uncertain: false }
    const detail = await t.app.inject({ method: 'GET', url: `/api/items/${id}`, headers: bearer(staff) })
    expect(detail.json().due).toEqual(expected)
    const inbox = await t.app.inject({ method: 'GET', url: '/api/inbox?limit=100', headers: bearer(staff) })
    expect(inbox.json().items.find((i: { id: string }) => i.id === id).due).toEqual(expected)
    const own = await t.app.inject({ method: 'GET', url: `/api/items/${id}`, headers: bearer(citizen) })
    expect(own.json().due).toBeNull()
  })
})

describe('deadline rules (admin)', () => {
  const put = (session: SessionView, payload: object) => t.app.inject({ method: 'PUT', url: '/api/admin/deadline-rules', headers: bearer(session), payload })

  it('lists the defaults with their legal basis', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/deadline-rules', headers: bearer(staff) })
    expect(res.statusCode).toBe(200)
    const rules = res.json().rules
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'message', category: 'complaint', clockStart: 'created', workingDays: 7, source: 'default', basis: expect.stringContaining('第20号') }),
        expect.objectContaining({ kind: 'message', category: 'tipoff', clockStart: 'created', workingDays: 15 }),
        expect.objectContaining({ kind: 'message', category: 'question', clockStart: 'created', workingDays: 3 })
      ])
    )
  })

  it('an admin changes, switches off and restores a rule; new items follow it', async () => {
    let res = await put(admin, { kind: 'message', category: 'suggestion', clockStart: 'created', workingDays: 10 })
    expect(res.statusCode).toBe(200)
    expect(res.json().rules).toContainEqual(expect.objectContaining({ category: 'suggestion', workingDays: 10, source: 'admin', defaultWorkingDays: null }))
    const s = await dueOf(await postMessage('suggestion'))
    expect(s.due_at).toEqual(expectedDue(s.created_at, 10))

    res = await put(admin, { kind: 'message', category: 'question', clockStart: 'created', workingDays: null })
    expect(res.json().rules).toContainEqual(expect.objectContaining({ category: 'question', clockStart: 'created', workingDays: null, source: 'admin', defaultWorkingDays: 3 }))
    expect((await dueOf(await postMessage('question'))).due_at).toBeNull()

    res = await t.app.inject({ method: 'DELETE', url: '/api/admin/deadline-rules/message/question/created', headers: bearer(admin) })
    expect(res.statusCode).toBe(200)
    expect(res.json().rules).toContainEqual(expect.objectContaining({ category: 'question', workingDays: 3, source: 'default' }))
    const q = await dueOf(await postMessage('question'))
    expect(q.due_at).toEqual(expectedDue(q.created_at, 3))
  })

  it('a kind-wide case rule applies to new cases', async () => {
    expect((await put(admin, { kind: 'case', category: '*', clockStart: 'created', workingDays: 5 })).statusCode).toBe(200)
    const officer = await t.login('officer', '干部')
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: bearer(officer),
      payload: { clientId: 'deadline-case-2', title: '事例', body: '内容', occurredAt: new Date().toISOString(), mediaIds: [] }
    })
    const row = await dueOf(res.json().id)
    expect(row.due_at).toEqual(expectedDue(row.created_at, 5))
    await t.app.inject({ method: 'DELETE', url: '/api/admin/deadline-rules/case/*/created', headers: bearer(admin) })
  })

  it('refuses bad input with Chinese messages and non-admins with 403', async () => {
    const zero = await put(admin, { kind: 'message', category: 'complaint', clockStart: 'created', workingDays: 0 })
    expect(zero.statusCode).toBe(400)
    expect(zero.json().message).toMatch(/工作日数/)
    const caseCategory = await put(admin, { kind: 'case', category: 'complaint', clockStart: 'created', workingDays: 3 })
    expect(caseCategory.statusCode).toBe(400)
    expect(caseCategory.json().message).toMatch(/类别请填 \*/)
    expect((await put(admin, { kind: 'message', category: 'rumour', clockStart: 'created', workingDays: 3 })).statusCode).toBe(400)
    expect((await put(staff, { kind: 'message', category: 'complaint', clockStart: 'created', workingDays: 3 })).statusCode).toBe(403)
    const citizen = await t.login('citizen', '路人')
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/deadline-rules', headers: bearer(citizen) })).statusCode).toBe(403)
    const officer = await t.login('officer', '干部')
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/deadline-rules', headers: bearer(officer) })).statusCode).toBe(403)
  })
})

describe('the holiday calendar', () => {
  // Test data for a year not yet announced; not the real arrangement.
  const y2027 = { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, name: '元旦' })), workdays: [] }
  const decemberNow = new Date('2026-12-03T10:00:00+08:00')

  it('says the coming year is missing late in the year, and not in spring', async () => {
    expect(await calendarStatus(t.db, t.orgId, decemberNow)).toMatchObject({ today: '2026-12-03', missingYears: [2027], warning: expect.stringContaining('2027 年的节假日') })
    expect(await calendarStatus(t.db, t.orgId, new Date('2026-03-03T10:00:00+08:00'))).toMatchObject({ missingYears: [], warning: null })
    expect(await calendarStatus(t.db, t.orgId, new Date('2027-03-03T10:00:00+08:00'))).toMatchObject({ missingYears: [2027] })
  })

  it('the start-up log warns about the missing coming year', async () => {
    const lines = await calendarStartupLines(t.db, t.orgId, decemberNow)
    expect(lines[0]).toMatch(/WARNING: the holiday calendar lacks 2027 \(2026: builtin, 2027: missing\)/)
    expect(lines[1]).toMatch(/PUT \/api\/admin\/calendar/)
    expect(await calendarStartupLines(t.db, t.orgId, new Date('2026-05-01T10:00:00+08:00'))).toEqual(['Holiday calendar: 2026: builtin, 2027: missing'])
  })

  it('counts Monday–Friday in a missing year and says so; an admin’s year takes over', async () => {
    const at = new Date('2026-12-30T10:00:00+08:00')
    expect(await dueAtFor(t.db, t.orgId, 'message', 'question', at, 'created')).toEqual({
      dueAt: endOfBeijingDay('2027-01-04'),
      workingDays: 3,
      uncoveredYears: [2027]
    })
    const res = await t.app.inject({ method: 'PUT', url: '/api/admin/calendar/2027', headers: bearer(admin), payload: y2027 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ year: 2027, source: 'admin', holidays: y2027.holidays })
    expect(await dueAtFor(t.db, t.orgId, 'message', 'question', at, 'created')).toEqual({ dueAt: endOfBeijingDay('2027-01-05'), workingDays: 3, uncoveredYears: [] })
    expect(await calendarStatus(t.db, t.orgId, decemberNow)).toMatchObject({ missingYears: [], warning: null })

    const back = await t.app.inject({ method: 'DELETE', url: '/api/admin/calendar/2027', headers: bearer(admin) })
    expect(back.json()).toMatchObject({ year: 2027, source: 'missing', holidays: [] })
    expect((await calendarStatus(t.db, t.orgId, decemberNow)).missingYears).toEqual([2027])
  })

  it('shows a built-in year and the status route for the desk banner', async () => {
    const year = await t.app.inject({ method: 'GET', url: '/api/admin/calendar/2026', headers: bearer(admin) })
    expect(year.json()).toMatchObject({ source: 'builtin' })
    expect(year.json().workdays).toContainEqual({ date: '2026-02-14', name: '春节调休上班' })
    const status = await t.app.inject({ method: 'GET', url: '/api/calendar/status', headers: bearer(staff) })
    expect(status.statusCode).toBe(200)
    expect(status.json()).toMatchObject({ builtin: { firstYear: 2004, lastYear: 2026, source: 'chinese-days' } })
    const citizen = await t.login('citizen', '路人')
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/status', headers: bearer(citizen) })).statusCode).toBe(403)
  })

  it('refuses a year that does not add up', async () => {
    const put = (payload: object, session = admin) => t.app.inject({ method: 'PUT', url: '/api/admin/calendar/2027', headers: bearer(session), payload })
    const cases: [object, RegExp][] = [
      [{ holidays: [{ date: '2026-10-01', name: '国庆' }], workdays: [] }, /不在 2027 年内/],
      [{ holidays: [{ date: '2027-02-30', name: '春节' }], workdays: [] }, /真实存在的日期/],
      [{ holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-01-01', name: '元旦' }] }, /出现了两次/],
      [{ holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-01-06', name: '调休' }] }, /不是周六或周日/],
      [{ holidays: [], workdays: [] }, /放假日期/]
    ]
    for (const [payload, message] of cases) {
      const res = await put(payload)
      expect(res.statusCode).toBe(400)
      expect(res.json().message).toMatch(message)
    }
    expect((await put(y2027, staff)).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/calendar/1800', headers: bearer(admin), payload: y2027 })).statusCode).toBe(400)
  })
})

describe('the overdue report', () => {
  it('counts open overdue items per department and person in working days, leaving out answered ones', async () => {
    const dept = await t.db.insertInto('department').values({ org_id: t.orgId, name: '消保科' }).returning('id').executeTakeFirstOrThrow()
    const worker = await t.login('staff', '承办人甲')
    const [a, b, c, answered] = [await postMessage('complaint'), await postMessage('complaint'), await postMessage('tipoff'), await postMessage('question')]
    const set = (id: string, due: string, assignee: string | null, department: string | null) =>
      t.db.updateTable('item').set({ due_at: endOfBeijingDay(due), assignee_id: assignee, department_id: department }).where('id', '=', id).execute()
    await set(a, '2026-09-30', worker.user.id, dept.id)
    await set(b, '2026-10-08', worker.user.id, dept.id)
    await set(c, '2026-10-09', null, null)
    await set(answered, '2026-09-30', worker.user.id, dept.id)
    await t.app.inject({ method: 'POST', url: `/api/items/${answered}/actions`, headers: bearer(staff), payload: { action: 'accept' } })
    await t.app.inject({ method: 'POST', url: `/api/items/${answered}/reply`, headers: bearer(staff), payload: { body: '已答复' } })

    // Saturday 10 October 2026 is a make-up working day: 30 Sep → 8, 9, 10 Oct = 3 working days.
    const report = await overdueReport(t.db, t.orgId, new Date('2026-10-10T10:00:00+08:00'))
    const mine = report.items.filter((i) => [a, b, c, answered].includes(i.id))
    expect(mine.map((i) => [i.id, i.overdueWorkingDays, i.label])).toEqual([
      [a, 3, '已超期 3 个工作日'],
      [b, 2, '已超期 2 个工作日'],
      [c, 1, '已超期 1 个工作日']
    ])
    expect(report.byDepartment).toContainEqual({ id: dept.id, name: '消保科', count: 2, maxOverdueWorkingDays: 3 })
    expect(report.byAssignee).toContainEqual({ id: worker.user.id, name: '承办人甲', count: 2, maxOverdueWorkingDays: 3 })
    expect(report.byAssignee).toContainEqual(expect.objectContaining({ id: null, name: '未分派' }))

    const res = await t.app.inject({ method: 'GET', url: '/api/reports/overdue', headers: bearer(staff) })
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([a, b, c]))
    const officer = await t.login('officer', '干部')
    expect((await t.app.inject({ method: 'GET', url: '/api/reports/overdue', headers: bearer(officer) })).statusCode).toBe(403)
  })

  it("another bureau's staff see none of it", async () => {
    const outsider = await t.loginElsewhere(['staff'], '外单位')
    const res = await t.app.inject({ method: 'GET', url: '/api/reports/overdue', headers: bearer(outsider) })
    expect(res.json()).toMatchObject({ total: 0, items: [] })
  })
})
