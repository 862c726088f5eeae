import type { Generated, Selectable, Insertable, Updateable } from 'kysely'
import type { MessageCategory } from '../../../domain/message/categories'

export interface MessageTable {
  item_id: string
  category: MessageCategory
  body: string
  anonymous: Generated<boolean>
  contact_phone: string | null
  public_consent: Generated<boolean>
  rating: number | null
  tracking_code: string
}
export type Message = Selectable<MessageTable>
export type NewMessage = Insertable<MessageTable>
export type MessageUpdate = Updateable<MessageTable>
