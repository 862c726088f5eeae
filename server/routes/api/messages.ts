import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreateMessageBody, CreatedMessage, MyMessagesPage } from '../../../domain/schemas/item'
import { createMessage, listMyMessages } from '../../services/messages'
import { limitPerUserAndIp, rateLimits } from '../../http/rate-limits'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/messages',
    {
      preHandler: limitPerUserAndIp(app, rateLimits.messageCreate),
      schema: {
        tags: ['messages'],
        summary: '群众提交留言（投诉/举报/咨询/建议/表扬）。带相同 clientId 重试时返回第一次的结果（200）',
        body: CreateMessageBody,
        response: { 201: CreatedMessage, 200: CreatedMessage }
      }
    },
    async (request, reply) => {
      const { created, ...message } = await createMessage(app.db, request.currentUser.orgId, request.currentUser.id, request.body, app.contentChecker)
      return reply.code(created ? 201 : 200).send(message)
    }
  )

  app.get(
    '/messages/mine',
    { schema: { tags: ['messages'], summary: '我的留言：状态、答复与公开的办理进度', response: { 200: MyMessagesPage } } },
    async (request) => ({ items: await listMyMessages(app.db, request.currentUser.id) })
  )
}
export default routes
