import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SavedViewBody, SavedViewList, SavedViewView } from '../../../domain/schemas/inbox'
import { IdParams } from '../../../domain/schemas/common'
import { INBOX_ROLES } from '../../../domain/desk'
import { savedViews } from '../../services/saved-views'

/** Each person's own saved inbox views (label + filter + sort); GET /api/inbox?view=<id> uses one. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { roles: INBOX_ROLES }
  const tags = ['inbox']
  app.get('/inbox/views', { config, schema: { tags, summary: '我保存的视图', response: { 200: SavedViewList } } }, async (request) => ({
    views: await savedViews.list(app.db, request.currentUser)
  }))
  app.post('/inbox/views', { config, schema: { tags, summary: '保存一个视图', body: SavedViewBody, response: { 201: SavedViewView } } }, async (request, reply) => {
    reply.code(201)
    return savedViews.create(app.db, request.currentUser, request.body)
  })
  app.put('/inbox/views/:id', { config, schema: { tags, summary: '修改我保存的视图', params: IdParams, body: SavedViewBody, response: { 200: SavedViewView } } }, async (request) =>
    savedViews.update(app.db, request.currentUser, request.params.id, request.body)
  )
  app.delete('/inbox/views/:id', { config, schema: { tags, summary: '删除我保存的视图', params: IdParams } }, async (request, reply) => {
    await savedViews.remove(app.db, request.currentUser, request.params.id)
    return reply.code(204).send()
  })
}
export default routes
