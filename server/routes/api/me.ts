import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { UserView } from '../../../domain/schemas/auth'
import { findUserById, toUserView } from '../../repositories/users'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/me', { schema: { tags: ['auth'], summary: '当前登录用户', response: { 200: UserView } } }, async (request) => {
    const user = await findUserById(app.db, request.currentUser.id)
    return toUserView(app.db, user!)
  })
}
export default routes
