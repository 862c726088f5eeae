import type { Generated, Selectable, Insertable, Updateable } from 'kysely'
import type { DraftFlagKind } from '../../../domain/draft/flags'

/** What the pre-publication scan found in one version, and who acknowledged it (kept). */
export interface DraftFlagTable {
  id: Generated<string>
  org_id: string
  draft_id: string
  version: number
  kind: DraftFlagKind
  excerpt: string
  anchor: string | null
  message: string
  suggestion: string | null
  acknowledged_at: Date | null
  acknowledged_by: string | null
  acknowledge_note: string | null
  created_at: Generated<Date>
}
export type DraftFlag = Selectable<DraftFlagTable>
export type NewDraftFlag = Insertable<DraftFlagTable>
export type DraftFlagUpdate = Updateable<DraftFlagTable>
