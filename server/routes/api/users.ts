import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ResetPasswordView, RevokedSessions } from '../../../domain/schemas/auth'
import { IdParams } from '../../../domain/schemas/common'
import { findUserById } from '../../repositories/users'
import { notFound } from '../../http/errors'
import { resetPassword } from '../../services/passwords'
import { revokeAllSessions } from '../../services/sessions'

const adminOnly = { roles: ['admin'] as const }

/** Admins acting on another account of their bureau. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/users/:id/sessions/revoke',
    {
      config: adminOnly,
      schema: { tags: ['admin'], summary: '管理员让某个用户在所有设备上退出登录（立即生效）', params: IdParams, response: { 200: RevokedSessions } }
    },
    async (request) => {
      const user = await findUserById(app.db, request.params.id)
      if (!user || user.org_id !== request.currentUser.orgId) throw notFound('该用户不存在')
      return { revoked: await revokeAllSessions(app.db, user.id, 'admin_revoke') }
    }
  )

  app.post(
    '/users/:id/password/reset',
    {
      config: adminOnly,
      schema: {
        tags: ['admin'],
        summary: '管理员重置某个电脑端账号的密码：返回新的一次性密码（只显示这一次），该用户须登录后修改，原有登录全部失效',
        params: IdParams,
        response: { 200: ResetPasswordView }
      }
    },
    async (request) => resetPassword(app.db, request.currentUser, request.params.id)
  )
}
export default routes
