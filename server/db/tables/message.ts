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
  business_name: string | null
  /** 统一社会信用代码 (18 characters, check character verified on the way in). */
  business_credit_code: string | null
  /** Who a praise names. */
  praised: string | null
  place_address: string | null
  place_lat: number | null
  place_lng: number | null
}
export type Message = Selectable<MessageTable>
export type NewMessage = Insertable<MessageTable>
export type MessageUpdate = Updateable<MessageTable>
