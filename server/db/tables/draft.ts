import type { Generated, Selectable, Insertable, Updateable } from 'kysely'
import type { DraftStatus, DraftType } from '../../../domain/draft'

/** A piece being written from cases (稿件) and its place in the 三审 (domain/draft/state-machine.ts). */
export interface DraftTable {
  id: Generated<string>
  org_id: string
  type: DraftType
  title: string
  status: Generated<DraftStatus>
  /** The number of the latest draft_version; a save or a review against an older one is refused (409). */
  version: Generated<number>
  author_id: string
  /** Whose reviewers sign it and whose target it counts towards. */
  department_id: string
  topics: Generated<string[]>
  created_at: Generated<Date>
  updated_at: Generated<Date>
  submitted_at: Date | null
  approved_at: Date | null
  published_at: Date | null
  withdrawn_at: Date | null
}
export type Draft = Selectable<DraftTable>
export type NewDraft = Insertable<DraftTable>
export type DraftUpdate = Updateable<DraftTable>
