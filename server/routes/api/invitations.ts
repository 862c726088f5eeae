import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreateInvitationBody, InvitationView, RedeemInvitationBody, RedeemedInvitation } from '../../../domain/schemas/auth'
import { createInvitation, redeemInvitation } from '../../services/invitations'
import { findUserById, toUserView } from '../../repositories/users'
import { secretLimit } from '../../http/secret-limit'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  // Codes can grant admin: a guesser gets a handful of tries per account (the route's limit) and
  // per address (so many throwaway accounts on one network do not multiply them).
  const perAddress = secretLimit(app, { name: 'redeem-ip', max: 30, timeWindow: 10 * 60_000, key: (request) => request.ip })

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
    {
      config: { rateLimit: { max: 10, timeWindow: '10 minutes' } },
      preHandler: perAddress,
      schema: {
        tags: ['auth'],
        summary: '使用邀请码获得干部 / 宣传 / 审核等角色。无效、已用、过期的邀请码回答相同',
        body: RedeemInvitationBody,
        response: { 200: RedeemedInvitation }
      }
    },
    async (request) => {
      await redeemInvitation(app.db, request.currentUser, request.body.code)
      const user = (await findUserById(app.db, request.currentUser.id))!
      return { user: await toUserView(app.db, user) }
    }
  )
}
export default routes
