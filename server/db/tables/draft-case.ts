import type { Generated, Selectable, Insertable } from 'kysely'

/** A case a draft is written from; a case may feed several drafts. */
export interface DraftCaseTable {
  org_id: string
  draft_id: string
  item_id: string
  created_at: Generated<Date>
}
export type DraftCase = Selectable<DraftCaseTable>
export type NewDraftCase = Insertable<DraftCaseTable>
