import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreateMessageBody, CreatedMessage, MyMessagesPage } from '../../../domain/schemas/item'
import { createMessage, listMyMessages } from '../../services/messages'
import { limitPerUserAndIp, rateLimits } from '../../http/rate-limits'
import { IdParams } from '../../../domain/schemas/common'
import { ItemDetail } from '../../../domain/schemas/item'
import { ProgressQuery, ProgressView, RatingBody, SubscribeTemplatesView, SubscriptionsBody, SubscriptionsView } from '../../../domain/schemas/follow-up'
import { recordSubscriptions } from '../../services/subscriptions'
import { SUBSCRIBE_STATUS_LABELS, SUBSCRIBE_STATUSES } from '../../../domain/message/subscribe'
import { progressSince, rateMessage } from '../../services/follow-up'
import { getItemDetail } from '../../services/items'

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

  app.get(
    '/messages/progress',
    {
      schema: {
        tags: ['messages'],
        summary: '我的留言自上次查看以来有新进展的条数（首页“N 条留言有新进展”）',
        querystring: ProgressQuery,
        response: { 200: ProgressView }
      }
    },
    async (request) => progressSince(app.db, request.currentUser, new Date(request.query.since))
  )

  app.post(
    '/messages/:id/rating',
    {
      schema: {
        tags: ['messages'],
        summary: '留言人评价答复：满意、基本满意（办结）或不满意（重新办理，附意见）；仅本人、仅在已答复时',
        params: IdParams,
        body: RatingBody,
        response: { 200: ItemDetail }
      }
    },
    async (request) => {
      await rateMessage(app.db, request.currentUser, request.params.id, request.body)
      return getItemDetail(app.db, request.currentUser, request.params.id, app.mediaUrl)
    }
  )

  app.post(
    '/messages/:id/subscriptions',
    {
      schema: {
        tags: ['messages'],
        summary: '记录留言人同意接收的订阅消息模板（每同意一次可收到一条）；仅本人',
        params: IdParams,
        body: SubscriptionsBody,
        response: { 200: SubscriptionsView }
      }
    },
    async (request) => recordSubscriptions(app.db, request.currentUser, request.params.id, request.body, app.followUp.subscribe.templates)
  )

  app.get(
    '/subscribe-templates',
    { schema: { tags: ['messages'], summary: '提交留言时可申请的订阅消息模板（受理、答复、办结通知）', response: { 200: SubscribeTemplatesView } } },
    async () => ({
      templates: SUBSCRIBE_STATUSES.flatMap((s) => {
        const t = app.followUp.subscribe.templates[s]
        return t ? [{ id: t.id, label: SUBSCRIBE_STATUS_LABELS[s] }] : []
      })
    })
  )
}
export default routes
