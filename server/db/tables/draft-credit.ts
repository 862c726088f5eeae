import type { Generated, Selectable, Insertable } from 'kysely'

/** A credited person or department (exactly one of the two) with its share of the draft's points, in percent. */
export interface DraftCreditTable {
  id: Generated<string>
  org_id: string
  draft_id: string
  user_id: string | null
  department_id: string | null
  share_percent: number
}
export type DraftCredit = Selectable<DraftCreditTable>
export type NewDraftCredit = Insertable<DraftCreditTable>
