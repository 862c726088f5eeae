import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '../../../domain/schemas/common'
import { PublicBoardEntry, PublicBoardList, PublicBoardQuery } from '../../../domain/schemas/board'
import { board } from '../../services/board'

/**
 * The public board (选登), deliberately outside the authenticated scope: anyone may read it
 * without logging in, as on 人民网领导留言板. It serves the masked public texts of published
 * entries only, of the server's own bureau, and nothing that names a person or a staff member.
 */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['board']
  // Anyone can ask, so each address is held to a reader's pace: a search costs an index scan.
  const config = { rateLimit: { max: 120, timeWindow: '1 minute' } }
  app.get(
    '/board',
    { config, schema: { tags, summary: '选登公开栏：已公开的留言与答复（个人信息已隐去），可按类别筛选、搜索；无需登录', querystring: PublicBoardQuery, response: { 200: PublicBoardList } } },
    async (request) => board.publicList(app.db, app.defaultOrgId, request.query)
  )
  app.get(
    '/board/:id',
    { config, schema: { tags, summary: '选登公开栏的一条：留言与答复（个人信息已隐去）；撤下后不再可见；无需登录', params: IdParams, response: { 200: PublicBoardEntry } } },
    async (request) => board.publicGet(app.db, app.defaultOrgId, request.params.id)
  )
}
export default routes
