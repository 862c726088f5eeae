import type { Generated, Selectable, Insertable } from 'kysely'

/**
 * A subscribe-message template the citizen accepted for one message (requestSubscribeMessage):
 * one-time templates allow one message per acceptance, so each row is spent once.
 */
export interface SubscribeGrantTable {
  id: Generated<string>
  org_id: string
  item_id: string
  user_id: string
  template_id: string
  created_at: Generated<Date>
  /** The change the grant was spent on (set when a send claims it; a retry finds it again). */
  send_key: string | null
  used_at: Date | null
  /** sent, or refused (43101: not subscribed or used up); null while a send is still retried. */
  outcome: 'sent' | 'refused' | null
  errcode: number | null
}
export type SubscribeGrant = Selectable<SubscribeGrantTable>
export type NewSubscribeGrant = Insertable<SubscribeGrantTable>
