import fp from 'fastify-plugin'
import jwt from '@fastify/jwt'
import type { FastifyRequest } from 'fastify'
import type { Role } from '../../../domain/roles'
import type { SessionView } from '../../../domain/schemas/auth'
import { hasAnyRole } from '../../../domain/roles'
import { findUserOfLiveSession } from '../../repositories/sessions'
import { forbidden, HttpError, unauthorized } from '../../http/errors'
import { openSession, type AccessClaims, type SessionDeps } from '../../services/sessions'
import { isCanonicalUuid } from '../../../domain/schemas/formats'

export interface CurrentUser {
  id: string
  orgId: string
  name: string
  roles: Role[]
  departmentId: string | null
  /** The sign-in this request's access token belongs to. */
  sessionId: string
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed on a route inside the authenticated scope; absent: any logged-in user. */
    roles?: readonly Role[]
    /** Reachable while the user still holds a one-time password (the password change itself). */
    allowPendingPasswordChange?: boolean
  }
  interface FastifyRequest {
    currentUser: CurrentUser
  }
  interface FastifyInstance {
    sessions: SessionDeps
    /** A new sign-in for the user: access token, refresh token, user view. */
    openSession(user: { id: string; org_id: string }): Promise<SessionView>
    authenticate(request: FastifyRequest): Promise<void>
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims
  }
}


/**
 * Access tokens are short-lived and name their session; every request checks, in one primary-key
 * join, that the session is not revoked and reads the user's current roles, so a logout, a
 * "sign out everywhere" or a role change takes effect on the next request.
 */
export default fp<{ secret: string; accessTtlSeconds: number; sessionTtlDays: number }>(async (app, opts) => {
  await app.register(jwt, { secret: opts.secret, sign: { expiresIn: opts.accessTtlSeconds } })
  app.decorateRequest('currentUser', null as unknown as CurrentUser)
  const deps: SessionDeps = {
    db: app.db,
    signAccess: (claims) => app.jwt.sign(claims),
    accessTtlSeconds: opts.accessTtlSeconds,
    sessionTtlDays: opts.sessionTtlDays
  }
  app.decorate('sessions', deps)
  app.decorate('openSession', (user: { id: string; org_id: string }) => openSession(deps, user))

  app.decorate('authenticate', async (request: FastifyRequest) => {
    if (!request.headers.authorization) throw unauthorized('请先登录')
    let payload: AccessClaims
    try {
      payload = await request.jwtVerify()
    } catch {
      throw unauthorized('登录已过期，请重新登录')
    }
    // Tokens from before sessions existed (or anything else signed oddly) carry no usable session.
    if (typeof payload.sid !== 'string' || !isCanonicalUuid(payload.sid) || typeof payload.sub !== 'string' || !isCanonicalUuid(payload.sub) || typeof payload.org !== 'string' || !isCanonicalUuid(payload.org)) {
      throw unauthorized('登录已过期，请重新登录')
    }
    const user = await findUserOfLiveSession(app.db, payload.sid, payload.sub)
    if (!user || user.org_id !== payload.org) throw unauthorized('登录已失效，请重新登录')
    request.currentUser = { id: user.id, orgId: user.org_id, name: user.name, roles: user.roles, departmentId: user.department_id, sessionId: payload.sid }
    if (user.must_change_password && !request.routeOptions.config.allowPendingPasswordChange) {
      throw new HttpError(403, 'password_change_required', '请先修改初始密码，再继续使用')
    }
    const wanted = request.routeOptions.config.roles
    if (wanted && !hasAnyRole(user.roles, wanted)) throw forbidden()
  })
})
