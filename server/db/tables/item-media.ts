import type { Selectable, Insertable } from 'kysely'

export interface ItemMediaTable {
  item_id: string
  media_id: string
  position: number
}
export type ItemMedia = Selectable<ItemMediaTable>
export type NewItemMedia = Insertable<ItemMediaTable>
