import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ChangePasswordBody, RevokedSessions, UserView } from '../../../domain/schemas/auth'
import { toUserView } from '../../repositories/users'
import { changePassword } from '../../services/passwords'
import { revokeAllSessions } from '../../services/sessions'

/** What signed-in users do to their own account: password, sign-ins. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/password/change',
    {
      // It checks the current password, so it is a guess target like login.
      config: { allowPendingPasswordChange: true, rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags: ['auth'],
        summary: '修改自己的密码（首次登录须先修改一次性密码）。本账号的其他登录随即失效',
        body: ChangePasswordBody,
        response: { 200: UserView }
      }
    },
    async (request) => {
      const user = await changePassword(app.db, request.currentUser, request.body.currentPassword, request.body.newPassword)
      return toUserView(app.db, user)
    }
  )

  app.post(
    '/me/sessions/revoke-all',
    { schema: { tags: ['auth'], summary: '退出所有设备：结束本账号的全部登录（包括当前这次）', response: { 200: RevokedSessions } } },
    async (request) => ({ revoked: await revokeAllSessions(app.db, request.currentUser.id, 'revoke_all') })
  )
}
export default routes
