import type { Generated, Selectable, Insertable, Updateable } from 'kysely'
import type { ItemKind } from '../../../domain/item-kinds'
import type { ItemModeration } from '../../../domain/moderation/item'

/** One entry of the shared inbox; kind-specific detail lives in its own table (message, case). */
export interface ItemTable {
  id: Generated<string>
  org_id: string
  kind: ItemKind
  status: string
  priority: Generated<number>
  topics: Generated<string[]>
  author_id: string
  assignee_id: string | null
  department_id: string | null
  due_at: Date | null
  urgency: number | null
  duplicate_of: string | null
  /** Client-generated id: a retried submission finds the first item instead of making a copy. */
  client_id: string | null
  created_at: Generated<Date>
  accepted_at: Date | null
  first_reply_at: Date | null
  closed_at: Date | null
  last_activity_at: Generated<Date>
  /** Bumped by every change; a request made against an older version is refused (409). */
  version: Generated<number>
  /** Everything the inbox search reads, maintained by triggers (migration 2026-12-03T1300); never written by the app. */
  search_text: Generated<string>
  /** Content check outcome (domain/moderation): only 'clear' items are shown beyond their author and the moderation queue. */
  moderation: Generated<ItemModeration>
  /** Which part a check flagged and why (WeChat's label), for the moderators. */
  moderation_note: string | null
}
export type Item = Selectable<ItemTable>
export type NewItem = Insertable<ItemTable>
export type ItemUpdate = Updateable<ItemTable>
