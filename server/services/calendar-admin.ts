import type { Db, DbOrTx } from '../db/database'
import type { CalendarYearView, PutCalendarYearBody } from '../../domain/schemas/deadlines'
import { isDay, weekdayOf, yearOf } from '../../domain/deadlines/day'
import { BUILTIN_YEARS } from '../../domain/deadlines/builtin'
import { InvalidError } from '../../domain/errors'
import { deleteYear, loadAdminYears, replaceYear } from '../repositories/calendar'
import { announceCalendarChange, forgetCalendar } from './calendar-cache'

export async function calendarYear(db: DbOrTx, orgId: string, year: number): Promise<CalendarYearView> {
  const admin = (await loadAdminYears(db, orgId)).get(year)
  const builtin = BUILTIN_YEARS.get(year)
  const entries = admin ?? builtin
  return {
    year,
    source: admin ? 'admin' : builtin ? 'builtin' : 'missing',
    holidays: entries ? [...entries.holidays] : [],
    workdays: entries ? [...entries.workdays] : []
  }
}

/** Checks an admin's year as a whole, so a typo cannot silently shift every deadline. */
function checkYear(year: number, body: PutCalendarYearBody): void {
  const seen = new Set<string>()
  for (const [list, label] of [
    [body.holidays, '放假日期'],
    [body.workdays, '调休上班日期']
  ] as const) {
    for (const { date } of list) {
      if (!isDay(date)) throw new InvalidError(`${label}中的「${date}」不是有效日期，请写成 YYYY-MM-DD`)
      if (yearOf(date) !== year) throw new InvalidError(`${label}中的 ${date} 不在 ${year} 年内`)
      if (seen.has(date)) throw new InvalidError(`${date} 出现了两次，一天只能是放假或调休上班之一`)
      seen.add(date)
    }
  }
  for (const { date } of body.workdays) {
    const wd = weekdayOf(date)
    if (wd !== 0 && wd !== 6) throw new InvalidError(`调休上班日 ${date} 不是周六或周日：工作日本来就上班，无需录入`)
  }
}

export async function putCalendarYear(db: Db, orgId: string, year: number, body: PutCalendarYearBody, byUserId: string): Promise<CalendarYearView> {
  checkYear(year, body)
  await db.transaction().execute(async (tx) => {
    await replaceYear(tx, orgId, year, body, byUserId)
    await announceCalendarChange(tx, orgId)
  })
  forgetCalendar(db, orgId)
  return calendarYear(db, orgId, year)
}

export async function deleteCalendarYear(db: Db, orgId: string, year: number): Promise<CalendarYearView> {
  await db.transaction().execute(async (tx) => {
    await deleteYear(tx, orgId, year)
    await announceCalendarChange(tx, orgId)
  })
  forgetCalendar(db, orgId)
  return calendarYear(db, orgId, year)
}
