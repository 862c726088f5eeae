import type { Generated, Selectable, Insertable } from 'kysely'
import type { Rating } from '../../../domain/message/state-machine'

/** Append-only timeline: every change to an item is one row, never updated or deleted. */
export interface ItemEventTable {
  id: Generated<string>
  org_id: string
  item_id: string
  actor_id: string | null
  action: string
  from_status: string | null
  to_status: string | null
  body: string | null
  reason: string | null
  /** The body a message out of jurisdiction was passed on to (reject). */
  transferred_to: Generated<string | null>
  /** Shown to the citizen or officer who owns the item. */
  is_public: boolean
  /** The item's version right after this event (null for events before migration 2026-12-04T0200). */
  item_version: Generated<number | null>
  /** The citizen's rating given with close or reopen (满意 / 基本满意 / 不满意). */
  rating: Generated<Rating | null>
  created_at: Generated<Date>
}
export type ItemEvent = Selectable<ItemEventTable>
export type NewItemEvent = Insertable<ItemEventTable>
