import type { Generated, Selectable, Insertable } from 'kysely'
import type { InvitableRole } from '../../../domain/roles'

export interface InvitationTable {
  id: Generated<string>
  org_id: string
  code: string
  role: InvitableRole
  department_id: string | null
  created_by: string
  expires_at: Date
  redeemed_by: string | null
  redeemed_at: Date | null
  created_at: Generated<Date>
}
export type Invitation = Selectable<InvitationTable>
export type NewInvitation = Insertable<InvitationTable>
