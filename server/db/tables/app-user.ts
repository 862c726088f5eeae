import type { Generated, Selectable, Insertable, Updateable } from 'kysely'
import type { Role } from '../../../domain/roles'

export interface AppUserTable {
  id: Generated<string>
  org_id: string
  name: string
  roles: Role[]
  department_id: string | null
  wechat_openid: string | null
  /** Desk (H5) login; null for WeChat-only users. */
  username: string | null
  password_hash: string | null
  /** The password was handed out (first admin, reset): every route but the change refuses. */
  must_change_password: Generated<boolean>
  /** `role:name` of a dev-mode login, so the same pair gives the same user. */
  dev_key: string | null
  /** Set when an admin disabled the account: no sign-in, every token refused. */
  disabled_at: Generated<Date | null>
  created_at: Generated<Date>
}
export type AppUser = Selectable<AppUserTable>
export type NewAppUser = Insertable<AppUserTable>
export type AppUserUpdate = Updateable<AppUserTable>
