import type { ColumnType, Generated, Selectable, Insertable } from 'kysely'
import type { DraftContent } from '../../../domain/draft/content'

/** Every save of a draft: its title and structured content as they were. Never updated. */
export interface DraftVersionTable {
  id: Generated<string>
  org_id: string
  draft_id: string
  number: number
  title: string
  /** jsonb: written as a JSON string, read back as the document. */
  content: ColumnType<DraftContent, string, never>
  author_id: string
  created_at: Generated<Date>
}
export type DraftVersion = Selectable<DraftVersionTable>
export type NewDraftVersion = Insertable<DraftVersionTable>
