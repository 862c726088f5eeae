// The bureau's calendar is kept between requests by each server process, and a change reaches
// every process: the writer's at once, the others by the database's notification, and a process
// whose LISTEN connection was lost drops its copy when it comes back.
import { sql } from 'kysely'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { insertItem } from '../helpers/inbox-fixtures'
import { waitFor } from '../helpers/wait-for'
import { killListenConnections, startSecondProcess } from '../helpers/second-process'
import type { SessionView } from '../../domain/schemas/auth'
import { BUILTIN_YEARS } from '../../domain/deadlines/builtin'
import { addDays, beijingDay, endOfBeijingDay, weekdayOf, yearOf } from '../../domain/deadlines/day'
import { CALENDAR_CHANNEL } from '../../server/services/calendar-cache'
import type { FastifyInstance } from 'fastify'

let t: TestApp
let admin: SessionView
let staff: SessionView
let itemId: string
/** A weekday strictly between tomorrow and the item's deadline that is a working day today. */
let dayOff: string

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login('admin', '管理员')
  staff = await t.login('staff', '王五')
  const today = beijingDay(new Date())
  // Due in three weeks: whatever today is, some plain weekday lies in between.
  const dueDay = addDays(today, 21)
  itemId = await insertItem(t.db, t.orgId, { kind: 'message', category: 'question', body: '年报填报咨询', authorId: staff.user.id, assigneeId: staff.user.id, dueAt: endOfBeijingDay(dueDay) })
  for (let d = addDays(today, 2); d < dueDay; d = addDays(d, 1)) {
    const y = BUILTIN_YEARS.get(yearOf(d))
    const special = y && [...y.holidays, ...y.workdays].some((e) => e.date === d)
    if (weekdayOf(d) !== 0 && weekdayOf(d) !== 6 && !special) {
      dayOff = d
      break
    }
  }
})
afterAll(() => t.close())

async function daysLeft(app: FastifyInstance = t.app): Promise<number> {
  const res = await app.inject({ method: 'GET', url: '/api/inbox?view=mine', headers: bearer(staff) })
  expect(res.statusCode).toBe(200)
  const item = (res.json().items as { id: string; due: { workingDays: number } }[]).find((i) => i.id === itemId)!
  return item.due.workingDays
}

/** dayOff's year as the admin would enter it: the built-in arrangement (if any) plus dayOff. */
function yearWithDayOff() {
  const y = BUILTIN_YEARS.get(yearOf(dayOff))
  return { holidays: [...(y?.holidays ?? []), { date: dayOff, name: '临时放假' }], workdays: [...(y?.workdays ?? [])] }
}

async function cleanYear() {
  await sql`DELETE FROM calendar_override WHERE org_id = ${t.orgId}`.execute(t.db)
  await sql`SELECT pg_notify(${CALENDAR_CHANNEL}, ${JSON.stringify({ orgId: t.orgId })})`.execute(t.db)
}

it('an admin’s change counts on the next request of the process that made it', async () => {
  const before = await daysLeft()
  const put = await t.app.inject({ method: 'PUT', url: `/api/admin/calendar/${yearOf(dayOff)}`, headers: bearer(admin), payload: yearWithDayOff() })
  expect(put.statusCode).toBe(200)
  expect(await daysLeft()).toBe(before - 1)
  const back = await t.app.inject({ method: 'DELETE', url: `/api/admin/calendar/${yearOf(dayOff)}`, headers: bearer(admin) })
  expect(back.statusCode).toBe(200)
  expect(await daysLeft()).toBe(before)
})

it('is kept between requests: a change written behind the service’s back shows only once announced', async () => {
  const before = await daysLeft()
  const entries = yearWithDayOff()
  await t.db
    .insertInto('calendar_override')
    .values([
      ...entries.holidays.map((h) => ({ org_id: t.orgId, day: h.date, is_working: false, name: h.name, created_by: admin.user.id })),
      ...entries.workdays.map((w) => ({ org_id: t.orgId, day: w.date, is_working: true, name: w.name, created_by: admin.user.id }))
    ])
    .execute()
  // Not announced: the kept copy still answers (read twice: a cached answer is stable).
  expect(await daysLeft()).toBe(before)
  expect(await daysLeft()).toBe(before)
  // Announced as the services do: heard at commit, and the next requests read the new days.
  await sql`SELECT pg_notify(${CALENDAR_CHANNEL}, ${JSON.stringify({ orgId: t.orgId })})`.execute(t.db)
  await waitFor(async () => (await daysLeft()) === before - 1, 'the announced change to count')
  await cleanYear()
  await waitFor(async () => (await daysLeft()) === before, 'the calendar to be back')
})

// Two processes need a server database; embedded PGlite is one process by design.
const onPostgres = process.env.ZHIBAO_TEST_DB === 'postgres' ? describe : describe.skip
onPostgres('two server processes on one PostgreSQL database (skipped on PGlite: embedded mode is one process)', () => {
  it('a change through one process reaches the other; a lost LISTEN connection drops every kept calendar', async () => {
    const second = await startSecondProcess(t)
    const app2 = second.app
    await app2.ready()
    try {
      const before = await daysLeft(app2)
      await t.app.inject({ method: 'PUT', url: `/api/admin/calendar/${yearOf(dayOff)}`, headers: bearer(admin), payload: yearWithDayOff() })
      await waitFor(async () => (await daysLeft(app2)) === before - 1, 'the other process to count the new day off')

      // Behind the services' back, then every LISTEN connection killed: the second process
      // reconnects and, having maybe missed announcements, reads the calendar afresh.
      await sql`DELETE FROM calendar_override WHERE org_id = ${t.orgId}`.execute(t.db)
      expect(await daysLeft(app2)).toBe(before - 1)
      await killListenConnections(t, second.database)
      await waitFor(async () => (await daysLeft(app2)) === before, 'the reconnected process to read the calendar again')
    } finally {
      await second.close()
      await cleanYear()
    }
  })
})
