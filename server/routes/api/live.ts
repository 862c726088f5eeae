import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams } from '../../../domain/schemas/common'
import { LiveChanges, LiveChangesQuery, LiveTicket, LIVE_TICKET_TTL_SECONDS, PresenceView } from '../../../domain/schemas/live'
import { DESK_ROLES, INBOX_ROLES } from '../../../domain/desk'
import { signTicket } from '../../live/ticket'
import { heartbeat, leave } from '../../services/presence'
import { changesSince } from '../../services/live-changes'

/** Live updates behind the token check: the SSE ticket, the mini-program's polling, presence. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/inbox/events/ticket',
    {
      config: { roles: INBOX_ROLES },
      schema: { tags: ['live'], summary: `实时更新的一次性凭证（${LIVE_TICKET_TTL_SECONDS} 秒内有效），用于 GET /api/inbox/events?ticket=`, response: { 200: LiveTicket } }
    },
    async (request) => {
      const u = request.currentUser
      return { ticket: signTicket(app.live.ticketKey, { userId: u.id, sessionId: u.sessionId, orgId: u.orgId }, app.live.now(), LIVE_TICKET_TTL_SECONDS) }
    }
  )

  app.get(
    '/inbox/changes',
    {
      config: { roles: INBOX_ROLES },
      schema: {
        tags: ['live'],
        summary: '小程序轮询：since 之后有变化的条目（不带 since 时从现在开始），每次最多 100 条；同一变化可能出现两次，按 version 去重',
        querystring: LiveChangesQuery,
        response: { 200: LiveChanges }
      }
    },
    async (request) => changesSince(app.db, request.currentUser.orgId, request.query.since, app.live.now())
  )

  app.put(
    '/items/:id/presence',
    {
      config: { roles: DESK_ROLES },
      schema: { tags: ['live'], summary: '正在处理（心跳）：约 30 秒内不再调用即自动消失；返回其他正在查看此条目的同事', params: IdParams, response: { 200: PresenceView } }
    },
    async (request) => ({ viewers: await heartbeat(app.db, request.currentUser, request.params.id, app.live.now()) })
  )

  app.delete(
    '/items/:id/presence',
    {
      config: { roles: DESK_ROLES },
      schema: { tags: ['live'], summary: '离开条目：不再显示“正在处理”', params: IdParams, response: { 204: Type.Null() } }
    },
    async (request, reply) => {
      await leave(app.db, request.currentUser, request.params.id, app.live.now())
      return reply.code(204).send(null)
    }
  )
}
export default routes
