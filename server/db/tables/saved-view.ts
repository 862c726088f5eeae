import type { Generated, Selectable, Insertable, Updateable } from 'kysely'
import type { InboxViewQuery } from '../../../domain/schemas/inbox'

/** A staff member's own inbox view: a label and a stored filter and sort. */
export interface SavedViewTable {
  id: Generated<string>
  org_id: string
  owner_id: string
  label: string
  query: InboxViewQuery
  position: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
export type SavedView = Selectable<SavedViewTable>
export type NewSavedView = Insertable<SavedViewTable>
export type SavedViewUpdate = Updateable<SavedViewTable>
