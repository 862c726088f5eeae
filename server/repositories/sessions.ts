import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import { statementTemplate } from '../db/statement-template'
import type { Role } from '../../domain/roles'

export type RevokeReason = 'logout' | 'revoke_all' | 'admin_revoke' | 'password_change' | 'password_reset' | 'refresh_reuse' | 'admin_disable'

export async function insertSession(db: DbOrTx, row: { orgId: string; userId: string; expiresAt: Date }): Promise<string> {
  const inserted = await db
    .insertInto('session')
    .values({ org_id: row.orgId, user_id: row.userId, expires_at: row.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function insertRefreshToken(db: DbOrTx, sessionId: string, tokenHash: string): Promise<void> {
  await db.insertInto('refresh_token').values({ session_id: sessionId, token_hash: tokenHash }).execute()
}

/**
 * Marks an unused token used and returns its session; one UPDATE, so two requests presenting the
 * same token cannot both win. Undefined: unknown, or already used (see `sessionOfUsedToken`).
 */
export async function claimRefreshToken(db: DbOrTx, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .updateTable('refresh_token')
    .set({ used_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .returning('session_id')
    .executeTakeFirst()
  return row?.session_id
}

/**
 * For a used token: its session and, if the token's one successor (the token its exchange made) is
 * still unused, that successor's hash. Rotation within a session is a chain, so the successor is
 * the one token created after it.
 */
export async function usedTokenAndSuccessor(
  db: DbOrTx,
  tokenHash: string,
  recentSeconds: number
): Promise<{ sessionId: string; usedRecently: boolean; unusedSuccessor: string | null } | undefined> {
  const row = await db
    .selectFrom('refresh_token')
    .select(['session_id', 'used_at'])
    // The database's clock, which also wrote used_at.
    .select(sql<boolean>`used_at > now() - make_interval(secs => ${recentSeconds})`.as('used_recently'))
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!row || !row.used_at) return undefined
  const later = await db
    .selectFrom('refresh_token')
    .select(['token_hash', 'used_at'])
    .where('session_id', '=', row.session_id)
    // Compared in SQL: a JavaScript Date would drop the microseconds and match the token itself.
    .where('created_at', '>', (eb) => eb.selectFrom('refresh_token').select('created_at').where('token_hash', '=', tokenHash))
    .limit(2)
    .execute()
  const only = later.length === 1 && later[0]!.used_at === null ? later[0]!.token_hash : null
  return { sessionId: row.session_id, usedRecently: row.used_recently === true, unusedSuccessor: only }
}

/** Drops a token nobody has used (its exchange's answer was lost); false if it was used meanwhile. */
export async function dropUnusedRefreshToken(db: DbOrTx, tokenHash: string): Promise<boolean> {
  const row = await db.deleteFrom('refresh_token').where('token_hash', '=', tokenHash).where('used_at', 'is', null).returning('token_hash').executeTakeFirst()
  return Boolean(row)
}

export async function sessionOfToken(db: DbOrTx, tokenHash: string): Promise<string | undefined> {
  const row = await db.selectFrom('refresh_token').select('session_id').where('token_hash', '=', tokenHash).executeTakeFirst()
  return row?.session_id
}

/** The session if it can still be refreshed: not revoked, not past its expiry. */
export async function findLiveSession(db: DbOrTx, sessionId: string) {
  return db
    .selectFrom('session')
    .selectAll()
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
}

export async function extendSession(db: DbOrTx, sessionId: string, expiresAt: Date): Promise<void> {
  await db.updateTable('session').set({ refreshed_at: sql<Date>`now()`, expires_at: expiresAt }).where('id', '=', sessionId).execute()
}

export async function revokeSession(db: DbOrTx, sessionId: string, reason: RevokeReason): Promise<void> {
  await db
    .updateTable('session')
    .set({ revoked_at: sql<Date>`now()`, revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute()
}

/** Every live session of a user, optionally but one (the one changing the password keeps going). */
export async function revokeUserSessions(db: DbOrTx, userId: string, reason: RevokeReason, exceptSessionId?: string): Promise<number> {
  let q = db
    .updateTable('session')
    .set({ revoked_at: sql<Date>`now()`, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
  if (exceptSessionId) q = q.where('id', '<>', exceptSessionId)
  const result = await q.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export interface SessionUser {
  id: string
  org_id: string
  name: string
  roles: Role[]
  department_id: string | null
  must_change_password: boolean
}

// Compiled once (server/db/statement-template.ts): building and compiling it took ≈0.25 ms of every
// request. Exported for bench:inbox, whose floor runs each statement of a request bare.
export const liveSessionUser = statementTemplate(['sessionId', 'userId'], (db: DbOrTx, p: { sessionId: string; userId: string }) =>
  db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.org_id', 'u.name', 'u.roles', 'u.department_id', 'u.must_change_password'])
    .where('s.id', '=', p.sessionId)
    .where('s.user_id', '=', p.userId)
    .where('s.revoked_at', 'is', null)
    // Disabling also revokes the sessions; this makes it hold even for one opened meanwhile.
    .where('u.disabled_at', 'is', null)
)

/**
 * What every authenticated request needs, in one primary-key join: the user, if the session is
 * not revoked. Expiry is the access token's business (it is shorter than the session's).
 */
export async function findUserOfLiveSession(db: DbOrTx, sessionId: string, userId: string): Promise<SessionUser | undefined> {
  return (await db.executeQuery(liveSessionUser(db, { sessionId, userId }))).rows[0]
}
