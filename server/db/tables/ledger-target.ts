import type { Generated, Selectable, Insertable } from 'kysely'
import type { LedgerType } from '../../../domain/ledger/vocabulary'

/** A year's target for one department and type; department null is the whole bureau's. */
export interface LedgerTargetTable {
  id: Generated<string>
  org_id: string
  year: number
  department_id: string | null
  type: LedgerType
  count: number
  points_cents: number | null
  updated_by: string | null
  updated_at: Generated<Date>
}
export type LedgerTarget = Selectable<LedgerTargetTable>
export type NewLedgerTarget = Insertable<LedgerTargetTable>
