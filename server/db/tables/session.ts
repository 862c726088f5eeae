import type { Generated, Selectable, Insertable } from 'kysely'

/** One sign-in on one device; its refresh tokens rotate, its id stays. */
export interface SessionTable {
  id: Generated<string>
  org_id: string
  user_id: string
  created_at: Generated<Date>
  refreshed_at: Generated<Date>
  /** Past this, the refresh token no longer works (moved forward at every refresh). */
  expires_at: Date
  revoked_at: Date | null
  /** logout, revoke_all, admin_revoke, password_change, password_reset, refresh_reuse */
  revoked_reason: string | null
}
export type Session = Selectable<SessionTable>
export type NewSession = Insertable<SessionTable>

export interface RefreshTokenTable {
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  token_hash: string
  session_id: string
  created_at: Generated<Date>
  /** Set when the token was exchanged for the next one. */
  used_at: Date | null
}
