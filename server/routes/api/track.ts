import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { TrackParams, TrackView } from '../../../domain/schemas/follow-up'
import { trackMessage } from '../../services/follow-up'
import { limitPerUserAndIp, rateLimits } from '../../http/rate-limits'

/**
 * Public on purpose (registered beside health and login, outside the token check): a 留言码
 * is enough to follow a message, as on 12315. Rate-limited per address so codes cannot be
 * guessed by trying them in bulk.
 */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/track/:code',
    {
      onRequest: limitPerUserAndIp(app, rateLimits.track),
      schema: {
        tags: ['messages'],
        summary: '凭留言码查询留言进度（无需登录）：状态、日期与公开的办理记录，不含个人信息；按 IP 限制查询频率',
        params: TrackParams,
        response: { 200: TrackView }
      }
    },
    async (request) => trackMessage(app.db, app.defaultOrgId, request.params.code)
  )
}
export default routes
