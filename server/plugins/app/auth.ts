import fp from 'fastify-plugin'
import jwt from '@fastify/jwt'
import type { FastifyRequest } from 'fastify'
import type { Role } from '../../../domain/roles'
import { hasAnyRole } from '../../../domain/roles'
import { findUserById } from '../../repositories/users'
import { forbidden, unauthorized } from '../../http/errors'
import { isCanonicalUuid } from '../../../domain/schemas/formats'

export interface CurrentUser {
  id: string
  orgId: string
  name: string
  roles: Role[]
  departmentId: string | null
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed on a route inside the authenticated scope; absent: any logged-in user. */
    roles?: readonly Role[]
  }
  interface FastifyRequest {
    currentUser: CurrentUser
  }
  interface FastifyInstance {
    signSession(user: { id: string; org_id: string }): string
    authenticate(request: FastifyRequest): Promise<void>
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string; org: string }
  }
}

/**
 * Tokens carry only who the user is; roles are read from the database on every request,
 * so a role granted or revoked takes effect at once.
 */
export default fp<{ secret: string }>(async (app, opts) => {
  await app.register(jwt, { secret: opts.secret, sign: { expiresIn: '30d' } })
  app.decorateRequest('currentUser', null as unknown as CurrentUser)
  app.decorate('signSession', (user: { id: string; org_id: string }) => app.jwt.sign({ sub: user.id, org: user.org_id }))

  app.decorate('authenticate', async (request: FastifyRequest) => {
    if (!request.headers.authorization) throw unauthorized('请先登录')
    let payload: { sub: string; org: string }
    try {
      payload = await request.jwtVerify()
    } catch {
      throw unauthorized('登录已过期，请重新登录')
    }
    // Signed by us, but not by this version of us (or the secret leaked): a subject that is not
    // an id would reach PostgreSQL as one and fail there.
    if (typeof payload.sub !== 'string' || !isCanonicalUuid(payload.sub) || typeof payload.org !== 'string' || !isCanonicalUuid(payload.org)) {
      throw unauthorized('登录信息无效，请重新登录')
    }
    const user = await findUserById(app.db, payload.sub)
    if (!user || user.org_id !== payload.org) throw unauthorized('账号不存在，请重新登录')
    request.currentUser = { id: user.id, orgId: user.org_id, name: user.name, roles: user.roles, departmentId: user.department_id }
    const wanted = request.routeOptions.config.roles
    if (wanted && !hasAnyRole(user.roles, wanted)) throw forbidden()
  })
})
