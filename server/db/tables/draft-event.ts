import type { Generated, Selectable, Insertable } from 'kysely'
import type { ReviewStage } from '../../../domain/draft'

/** Append-only timeline of a draft (a trigger refuses updates): who did what, at which stage, on which version. */
export interface DraftEventTable {
  id: Generated<string>
  org_id: string
  draft_id: string
  actor_id: string | null
  action: string
  from_status: string | null
  to_status: string | null
  /** The review stage acted at (approve or return); null for any other event. */
  stage: ReviewStage | null
  comment: string | null
  reason: string | null
  /** The draft's content version the event was taken on. */
  version: number
  created_at: Generated<Date>
}
export type DraftEvent = Selectable<DraftEventTable>
export type NewDraftEvent = Insertable<DraftEventTable>
