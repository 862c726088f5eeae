import type { Generated, Selectable, Insertable } from 'kysely'
import type { ClockStart, RuleCategory } from '../../../domain/deadlines/rules'

/** An admin's setting for one (kind, category, clock start); absent rows fall back to the defaults. */
export interface DeadlineRuleTable {
  id: Generated<string>
  org_id: string
  kind: 'message' | 'case'
  category: RuleCategory
  clock_start: ClockStart
  /** Null: no deadline for this key (an admin switched the default off). */
  working_days: number | null
  updated_by: string | null
  updated_at: Generated<Date>
}
export type DeadlineRuleRow = Selectable<DeadlineRuleTable>
export type NewDeadlineRule = Insertable<DeadlineRuleTable>
