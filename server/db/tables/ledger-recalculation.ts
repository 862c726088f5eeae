import type { Generated, Selectable, ColumnType } from 'kysely'

/** An explicit recalculation of a year's points under its current rules: who, when, what changed. */
export interface LedgerRecalculationTable {
  id: Generated<string>
  org_id: string
  year: number
  recalculated_by: string
  recalculated_at: Generated<Date>
  publications: number
  changed: number
  points_before_cents: ColumnType<string, number, number>
  points_after_cents: ColumnType<string, number, number>
}
export type LedgerRecalculation = Selectable<LedgerRecalculationTable>
