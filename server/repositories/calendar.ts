import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { YearEntries } from '../../domain/deadlines/calendar'

/** Every year an admin entered for the bureau, as calendar entries. */
export async function loadAdminYears(db: DbOrTx, orgId: string): Promise<Map<number, YearEntries>> {
  const rows = await db
    .selectFrom('calendar_override')
    .select([sql<string>`day::text`.as('day'), 'is_working', 'name'])
    .where('org_id', '=', orgId)
    .orderBy('day')
    .execute()
  const years = new Map<number, { holidays: { date: string; name: string }[]; workdays: { date: string; name: string }[] }>()
  for (const r of rows) {
    const y = Number(r.day.slice(0, 4))
    let e = years.get(y)
    if (!e) years.set(y, (e = { holidays: [], workdays: [] }))
    ;(r.is_working ? e.workdays : e.holidays).push({ date: r.day, name: r.name })
  }
  return years
}

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const

/** Replaces the whole year: the admin's entries are the year's complete arrangement. */
export async function replaceYear(db: DbOrTx, orgId: string, year: number, entries: YearEntries, byUserId: string): Promise<void> {
  await deleteYear(db, orgId, year)
  const rows = [
    ...entries.holidays.map((h) => ({ org_id: orgId, day: h.date, is_working: false, name: h.name, created_by: byUserId })),
    ...entries.workdays.map((w) => ({ org_id: orgId, day: w.date, is_working: true, name: w.name, created_by: byUserId }))
  ]
  if (rows.length) await db.insertInto('calendar_override').values(rows).execute()
}

export async function deleteYear(db: DbOrTx, orgId: string, year: number): Promise<number> {
  const [from, to] = yearRange(year)
  const res = await db
    .deleteFrom('calendar_override')
    .where('org_id', '=', orgId)
    .where(sql<string>`day`, '>=', from)
    .where(sql<string>`day`, '<=', to)
    .executeTakeFirst()
  return Number(res.numDeletedRows)
}
