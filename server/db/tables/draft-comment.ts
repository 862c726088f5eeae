import type { Generated, Selectable, Insertable, Updateable } from 'kysely'

/** A reviewer's comment on one paragraph (block id, `anchor`) of one version; null anchor: the whole draft. */
export interface DraftCommentTable {
  id: Generated<string>
  org_id: string
  draft_id: string
  version: number
  anchor: string | null
  author_id: string
  body: string
  resolved_at: Date | null
  resolved_by: string | null
  created_at: Generated<Date>
}
export type DraftComment = Selectable<DraftCommentTable>
export type NewDraftComment = Insertable<DraftCommentTable>
export type DraftCommentUpdate = Updateable<DraftCommentTable>
