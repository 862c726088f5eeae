import type { Generated, Selectable, Insertable, Updateable } from 'kysely'
import type { MessageCategory } from '../../../domain/message/categories'

export interface MessageTable {
  item_id: string
  category: MessageCategory
  body: string
  anonymous: Generated<boolean>
  contact_phone: string | null
  public_consent: Generated<boolean>
  tracking_code: string
  /** When the retention job erased the contact details (closed long enough ago). */
  contact_erased_at: Generated<Date | null>
}
export type Message = Selectable<MessageTable>
export type NewMessage = Insertable<MessageTable>
export type MessageUpdate = Updateable<MessageTable>
