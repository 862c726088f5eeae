import type { Selectable } from 'kysely'

/** Who has an item open, until when: a heartbeat moves `expires_at`; past it, they are gone. */
export interface ItemPresenceTable {
  item_id: string
  user_id: string
  org_id: string
  expires_at: Date
}
export type ItemPresence = Selectable<ItemPresenceTable>
