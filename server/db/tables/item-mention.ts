import type { Generated, Selectable, Insertable } from 'kysely'

/** A colleague named (@姓名) in an internal note; they find it under 提到我的. */
export interface ItemMentionTable {
  event_id: string
  user_id: string
  org_id: string
  item_id: string
  created_at: Generated<Date>
}
export type ItemMention = Selectable<ItemMentionTable>
export type NewItemMention = Insertable<ItemMentionTable>
