import type { Db } from '../db/database'
import { beijingDay } from '../../domain/deadlines/day'
import { describeDue, dueSoonBefore } from '../../domain/deadlines/describe-due'
import type { OverdueReport } from '../../domain/schemas/deadlines'
import { openItemsDueBy } from '../repositories/due-items'
import { orgCalendar } from '../services/deadlines'
import { notify } from '../services/notifications'
import { overdueReport } from '../services/overdue-report'

export const REMINDERS_QUEUE = 'deadline-reminders'
/** Every day at 09:00 Beijing time; the handler itself skips days off (holidays, weekends not worked). */
export const REMINDERS_CRON = '0 9 * * *'
export const REMINDERS_TZ = 'Asia/Shanghai'

export interface OrgReminderResult {
  orgId: string
  day: string
  skipped: 'day_off' | null
  /** New notifications written now (a rerun on the same day writes none). */
  notified: number
  report: OverdueReport | null
}

/**
 * 催办 for one bureau on the Beijing day of `now`: each assignee is told of their items due
 * today or on the next working day (due_soon) and of those past due (overdue), once per item
 * and day; and the overdue report per department and person is produced.
 */
export async function runOrgReminders(db: Db, orgId: string, now: Date): Promise<OrgReminderResult> {
  const calendar = await orgCalendar(db, orgId)
  const day = beijingDay(now)
  if (!calendar.isWorkingDay(day)) return { orgId, day, skipped: 'day_off', notified: 0, report: null }
  // The inbox's 即将超期 horizon itself, so the reminder and the desk's view never disagree.
  const horizon = dueSoonBefore(calendar, now)
  const items = await openItemsDueBy(db, orgId, horizon)
  const notified = await db.transaction().execute(async (tx) => {
    let n = 0
    for (const item of items) {
      if (!item.assignee_id) continue
      const due = describeDue(calendar, now, item.due_at)
      if (due.state !== 'overdue' && !due.dueSoon) continue
      n += await notify(tx, {
        orgId,
        kind: due.state === 'overdue' ? 'overdue' : 'due_soon',
        itemId: item.id,
        userIds: [item.assignee_id],
        body: due.label,
        dedupeKey: `${item.id}:${day}`
      })
    }
    return n
  })
  return { orgId, day, skipped: null, notified, report: await overdueReport(db, orgId, now) }
}

export async function runReminders(db: Db, now: Date): Promise<OrgReminderResult[]> {
  const orgs = await db.selectFrom('org').select('id').orderBy('created_at').execute()
  const out: OrgReminderResult[] = []
  for (const org of orgs) out.push(await runOrgReminders(db, org.id, now))
  return out
}
