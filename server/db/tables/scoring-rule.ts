import type { Generated, Selectable, ColumnType } from 'kysely'
import type { ScoringRules } from '../../../domain/ledger/rules'

/** The bureau's scoring rules of one year (domain/ledger/rules.ts), valid until a later year has its own. */
export interface ScoringRuleTable {
  id: Generated<string>
  org_id: string
  year: number
  rules: ColumnType<ScoringRules, string, string>
  updated_by: string | null
  updated_at: Generated<Date>
}
export type ScoringRuleRow = Selectable<ScoringRuleTable>
