import type { Db } from '../db/database'
import { calendarStatus } from '../services/deadlines'

/**
 * What the start-up log says about the holiday calendar: a warning when this year (or, from
 * October, the coming one) has neither built-in data nor an admin's entries.
 */
export async function calendarStartupLines(db: Db, orgId: string, now = new Date()): Promise<string[]> {
  const status = await calendarStatus(db, orgId, now)
  const known = status.years.map((y) => `${y.year}: ${y.source}`).join(', ')
  if (!status.warning) return [`Holiday calendar: ${known}`]
  return [
    `*** WARNING: the holiday calendar lacks ${status.missingYears.join(', ')} (${known}). Deadlines that reach into it count plain Monday–Friday. ***`,
    `*** An admin can enter the year's holidays and make-up days: PUT /api/admin/calendar/<year> (节假日日历). ***`
  ]
}
