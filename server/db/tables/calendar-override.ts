import type { Generated, Selectable, Insertable } from 'kysely'

/** One day of a year an admin entered. `day` is a SQL date: always select it as `day::text`. */
export interface CalendarOverrideTable {
  id: Generated<string>
  org_id: string
  day: string
  is_working: boolean
  name: string
  created_by: string | null
  created_at: Generated<Date>
}
export type CalendarOverrideRow = Selectable<CalendarOverrideTable>
export type NewCalendarOverride = Insertable<CalendarOverrideTable>
