import { createTestApp, type TestApp } from '../helpers/test-app'
import { waitFor } from '../helpers/wait-for'
import { REMINDERS_QUEUE } from '../../server/jobs/reminders'
import { endOfBeijingDay } from '../../domain/deadlines'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ JOBS: 'on' }, { jobsNow: () => new Date('2026-10-08T09:00:00+08:00') })
}, 90_000)
afterAll(() => t.close())

it('pg-boss runs on the same database, schedules 催办 at 09:00 Beijing time and runs it', async () => {
  const boss = t.app.jobs!
  expect(boss).not.toBeNull()
  expect(await boss.getSchedules()).toContainEqual(expect.objectContaining({ name: REMINDERS_QUEUE, cron: '0 9 * * *', timezone: 'Asia/Shanghai' }))

  const worker = await t.login('staff', '承办人')
  const author = await t.login('citizen', '留言人')
  const item = await t.db
    .insertInto('item')
    .values({ org_id: t.orgId, kind: 'message', status: 'new', author_id: author.user.id, assignee_id: worker.user.id, due_at: endOfBeijingDay('2026-09-30') })
    .returning('id')
    .executeTakeFirstOrThrow()
  await t.db.insertInto('message').values({ item_id: item.id, category: 'complaint', body: '超期的投诉', tracking_code: 'JOBTEST1' }).execute()

  await boss.send(REMINDERS_QUEUE, {})
  const row = await waitFor(
    () => t.db.selectFrom('notification').select(['kind', 'body']).where('item_id', '=', item.id).executeTakeFirst(),
    'the reminder job to write a notification'
  )
  expect(row).toEqual({ kind: 'overdue', body: '已超期 1 个工作日' })
}, 60_000)
