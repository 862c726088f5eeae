import type { Generated, Selectable, Insertable, ColumnType } from 'kysely'
import type { Channel, Deduction, LedgerType, OutletLevel, Placement } from '../../../domain/ledger/vocabulary'

/** One appearance of an approved draft in an outlet: a line of the ledger, with its points. */
export interface PublicationTable {
  id: Generated<string>
  org_id: string
  draft_id: string
  type: LedgerType
  title: string
  outlet_id: string
  outlet_level: OutletLevel
  channel: Channel
  placement: Placement
  /** Beijing day, a SQL date: always select it as `published_on::text` ('YYYY-MM-DD'). */
  published_on: ColumnType<string, string, string>
  year: number
  link: string | null
  proof_media_id: string | null
  leader_comment: Generated<boolean>
  adopted: Generated<boolean>
  deductions: Generated<Deduction[]>
  topics: Generated<string[]>
  case_count: Generated<number>
  first_case_at: Date | null
  points_cents: number
  rule_year: number
  recorded_by: string
  recorded_at: Generated<Date>
  recalculated_at: Date | null
  /** The form's id for this submission: a retry gets the first write back. */
  client_id: string | null
}
export type Publication = Selectable<PublicationTable>
export type NewPublication = Insertable<PublicationTable>
