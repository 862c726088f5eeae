import type { Generated, Selectable, Insertable, Updateable } from 'kysely'
import type { CannedReplyAction } from '../../../domain/canned-replies'

/** An admin's reply template; `{称呼}`-style placeholders are filled when a staff member picks it. */
export interface CannedReplyTable {
  id: Generated<string>
  org_id: string
  title: string
  body: string
  action: CannedReplyAction | null
  created_by: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
export type CannedReply = Selectable<CannedReplyTable>
export type NewCannedReply = Insertable<CannedReplyTable>
export type CannedReplyUpdate = Updateable<CannedReplyTable>
