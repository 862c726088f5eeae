import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '../../../domain/schemas/common'
import { ActionBody, ItemDetail, ReplyBody } from '../../../domain/schemas/item'
import { INBOX_ROLES } from '../../../domain/roles'
import { applyAction, getItemDetail } from '../../repositories/items'
import { badRequest } from '../../http/errors'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/items/:id',
    { schema: { tags: ['inbox'], summary: '条目详情与时间线（工作人员看全部，作者看公开部分）', params: IdParams, response: { 200: ItemDetail } } },
    async (request) => getItemDetail(app.db, request.currentUser, request.params.id, app.mediaUrl)
  )

  app.post(
    '/items/:id/actions',
    {
      schema: {
        tags: ['inbox'],
        summary: '按条目类型的状态机执行操作（留言：受理、不予受理、办理、办结、重新办理；事例：采用、退回补充、存档…）；不允许的操作返回 409',
        params: IdParams,
        body: ActionBody,
        response: { 200: ItemDetail }
      }
    },
    async (request) => {
      // A reply carries text; it has its own route so the body is validated as a reply.
      if (request.body.action === 'reply') throw badRequest('答复需要填写内容，请通过“答复”提交（POST /api/items/:id/reply）')
      await applyAction(app.db, request.currentUser, request.params.id, request.body)
      return getItemDetail(app.db, request.currentUser, request.params.id, app.mediaUrl)
    }
  )

  app.post(
    '/items/:id/reply',
    {
      config: { roles: INBOX_ROLES },
      schema: { tags: ['inbox'], summary: '答复留言（状态变为已答复）', params: IdParams, body: ReplyBody, response: { 200: ItemDetail } }
    },
    async (request) => {
      await applyAction(app.db, request.currentUser, request.params.id, { action: 'reply', body: request.body.body })
      return getItemDetail(app.db, request.currentUser, request.params.id, app.mediaUrl)
    }
  )
}
export default routes
