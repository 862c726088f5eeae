import type { Generated, Selectable, Insertable } from 'kysely'
import type { ReviewStage } from '../../../domain/draft'

/** 三审 configuration: a person who may sign one stage of one department's drafts. */
export interface DraftReviewerTable {
  org_id: string
  department_id: string
  stage: ReviewStage
  user_id: string
  created_at: Generated<Date>
}
export type DraftReviewer = Selectable<DraftReviewerTable>
export type NewDraftReviewer = Insertable<DraftReviewerTable>
