import crypto from 'node:crypto'
import type { Db } from '../db/database'
import type { SessionView } from '../../domain/schemas/auth'
import { ForbiddenError, UnauthenticatedError } from '../../domain/errors'
import { findUserById, toUserView } from '../repositories/users'
import {
  claimRefreshToken,
  dropUnusedRefreshToken,
  extendSession,
  findLiveSession,
  insertRefreshToken,
  insertSession,
  revokeSession,
  revokeUserSessions,
  sessionOfToken,
  usedTokenAndSuccessor,
  type RevokeReason
} from '../repositories/sessions'

/** What an access token says: who, which bureau, which sign-in. */
export interface AccessClaims {
  sub: string
  org: string
  sid: string
}

export interface SessionDeps {
  db: Db
  signAccess(claims: AccessClaims): string
  accessTtlSeconds: number
  sessionTtlDays: number
}

const newRefreshToken = () => crypto.randomBytes(32).toString('base64url')
/** Refresh tokens are 256 random bits: a fast hash is enough, and the lookup stays an index probe. */
export const hashRefreshToken = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest('hex')

const expiry = (deps: SessionDeps) => new Date(Date.now() + deps.sessionTtlDays * 86_400_000)

async function view(deps: SessionDeps, sessionId: string, userId: string, refreshToken: string): Promise<SessionView> {
  const user = await findUserById(deps.db, userId)
  if (!user) throw new UnauthenticatedError('账号不存在，请重新登录')
  if (user.disabled_at) throw new UnauthenticatedError(DISABLED)
  return {
    token: deps.signAccess({ sub: user.id, org: user.org_id, sid: sessionId }),
    refreshToken,
    expiresIn: deps.accessTtlSeconds,
    mustChangePassword: user.must_change_password,
    user: await toUserView(deps.db, user)
  }
}

/** A new sign-in: a session row and its first refresh token. */
export async function openSession(deps: SessionDeps, user: { id: string; org_id: string }): Promise<SessionView> {
  if (await isDisabled(deps.db, user.id)) throw new ForbiddenError(DISABLED, 'account_disabled')
  const refreshToken = newRefreshToken()
  const sessionId = await deps.db.transaction().execute(async (tx) => {
    const id = await insertSession(tx, { orgId: user.org_id, userId: user.id, expiresAt: expiry(deps) })
    await insertRefreshToken(tx, id, hashRefreshToken(refreshToken))
    return id
  })
  return view(deps, sessionId, user.id, refreshToken)
}

const EXPIRED = '登录已过期，请重新登录'
export const DISABLED = '该账号已被管理员停用，如有疑问请联系本局管理员'

async function isDisabled(db: Db, userId: string): Promise<boolean> {
  const user = await findUserById(db, userId)
  return Boolean(user?.disabled_at)
}

/**
 * How long after an exchange its refresh token may be presented again, as the retry of an exchange
 * whose answer was lost (a tunnel, a timeout): the client never got the new token, so it can only
 * retry with the old one. Such a retry gets a fresh pair and the lost pair's refresh token is
 * dropped (it never works; the chain stays one line, so the retry's own answer may be lost too).
 */
export const REFRESH_RETRY_GRACE_SECONDS = 600

/**
 * Exchanges a refresh token for a new pair. Each token works once: presenting a used one means
 * two parties hold it (a copied token), so the whole sign-in is revoked and both must log in again;
 * except as the retry of an exchange whose answer was lost: within REFRESH_RETRY_GRACE_SECONDS and while
 * the token that exchange made has never been used (nobody has shown they received it).
 */
export async function refreshSession(deps: SessionDeps, refreshToken: string): Promise<SessionView> {
  const tokenHash = hashRefreshToken(refreshToken)
  const next = newRefreshToken()
  const outcome = await deps.db.transaction().execute(async (tx) => {
    let claimed = await claimRefreshToken(tx, tokenHash)
    if (!claimed) {
      const used = await usedTokenAndSuccessor(tx, tokenHash, REFRESH_RETRY_GRACE_SECONDS)
      const lostAnswer = used?.usedRecently && used.unusedSuccessor && (await dropUnusedRefreshToken(tx, used.unusedSuccessor))
      if (lostAnswer) claimed = used.sessionId
      else {
        const reused = used?.sessionId ?? (await sessionOfToken(tx, tokenHash))
        if (reused) await revokeSession(tx, reused, 'refresh_reuse')
        return { ok: false as const, reused: Boolean(reused) }
      }
    }
    const session = await findLiveSession(tx, claimed)
    if (!session) return { ok: false as const, reused: false }
    await insertRefreshToken(tx, session.id, hashRefreshToken(next))
    await extendSession(tx, session.id, expiry(deps))
    return { ok: true as const, sessionId: session.id, userId: session.user_id }
  })
  if (!outcome.ok) throw new UnauthenticatedError(outcome.reused ? '登录凭证已在别处使用，为安全起见已退出登录，请重新登录' : EXPIRED)
  return view(deps, outcome.sessionId, outcome.userId, next)
}

/** Ends the sign-in a refresh token belongs to. Unknown tokens are ignored: logging out twice is fine. */
export async function logout(db: Db, refreshToken: string): Promise<void> {
  const sessionId = await sessionOfToken(db, hashRefreshToken(refreshToken))
  if (sessionId) await revokeSession(db, sessionId, 'logout')
}

export function revokeAllSessions(db: Db, userId: string, reason: RevokeReason, exceptSessionId?: string): Promise<number> {
  return revokeUserSessions(db, userId, reason, exceptSessionId)
}
