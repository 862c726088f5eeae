import type { Generated, Selectable } from 'kysely'

/** The mini-program's access_token, shared by every server process (one row per appid). */
export interface WechatTokenTable {
  appid: string
  access_token: string
  expires_at: Date
  updated_at: Generated<Date>
}
export type WechatToken = Selectable<WechatTokenTable>
