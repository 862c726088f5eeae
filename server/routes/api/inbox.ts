import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { InboxQuery, InboxPage } from '../../../domain/schemas/item'
import { INBOX_ROLES } from '../../../domain/desk'
import { listInbox } from '../../repositories/inbox'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/inbox',
    {
      config: { roles: INBOX_ROLES },
      schema: { tags: ['inbox'], summary: '共享收件箱：最新在前，按状态筛选，游标翻页', querystring: InboxQuery, response: { 200: InboxPage } }
    },
    async (request) => listInbox(app.db, request.currentUser.orgId, request.query, app.mediaUrl)
  )
}
export default routes
