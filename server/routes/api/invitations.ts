import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreateInvitationBody, InvitationView, RedeemInvitationBody, SessionView } from '../../../domain/schemas/auth'
import { createInvitation, redeemInvitation } from '../../services/invitations'
import { findUserById, toUserView } from '../../repositories/users'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/invitations',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['admin'], summary: '管理员创建邀请码（角色 + 部门，一次性，有有效期）', body: CreateInvitationBody, response: { 201: InvitationView } }
    },
    async (request, reply) => {
      const invitation = await createInvitation(app.db, request.currentUser, request.body)
      return reply.code(201).send(invitation)
    }
  )

  app.post(
    '/invitations/redeem',
    { schema: { tags: ['auth'], summary: '使用邀请码获得干部 / 宣传 / 审核等角色', body: RedeemInvitationBody, response: { 200: SessionView } } },
    async (request) => {
      await redeemInvitation(app.db, request.currentUser, request.body.code)
      const user = (await findUserById(app.db, request.currentUser.id))!
      return { token: app.signSession(user), user: await toUserView(app.db, user) }
    }
  )
}
export default routes
