import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { UserView } from '../../../domain/schemas/auth'
import { MentionsPage } from '../../../domain/schemas/item'
import { INBOX_ROLES } from '../../../domain/desk'
import { findUserById, toUserView } from '../../repositories/users'
import { listMyMentions } from '../../services/mentions'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/me', { schema: { tags: ['auth'], summary: '当前登录用户', response: { 200: UserView } } }, async (request) => {
    const user = await findUserById(app.db, request.currentUser.id)
    return toUserView(app.db, user!)
  })

  app.get(
    '/me/mentions',
    { config: { roles: INBOX_ROLES }, schema: { tags: ['inbox'], summary: '提到我的：同事在内部备注中 @ 我的记录，最新在前', response: { 200: MentionsPage } } },
    async (request) => ({ items: await listMyMentions(app.db, request.currentUser) })
  )
}
export default routes
