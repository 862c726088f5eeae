import { PassThrough } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { LiveEventsQuery, LIVE_EVENTS } from '../../../domain/schemas/live'
import { ErrorBody } from '../../../domain/schemas/common'
import { INBOX_ROLES } from '../../../domain/desk'
import { hasAnyRole } from '../../../domain/roles'
import { findUserOfLiveSession } from '../../repositories/sessions'
import { verifyTicket, type TicketClaims } from '../../live/ticket'
import { sseComment, sseEvent } from '../../live/sse'
import { unauthorized } from '../../http/errors'

/** A stream whose client reads slower than events come is cut; the app reconnects and reloads. */
const MAX_BUFFERED_BYTES = 256 * 1024

/**
 * GET /api/inbox/events: server-sent events for the H5 desk. Outside the token check, since an
 * EventSource cannot send headers: it carries a ticket from POST /api/inbox/events/ticket. A bad
 * or expired ticket is a plain 401 (so nothing hangs waiting on it); a good one opens a stream
 * that lives until the client goes, the session ends or the user leaves the desk roles (checked
 * at every heartbeat). Never compressed: compress.ts leaves text/event-stream alone.
 */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const stillAllowed = async (c: TicketClaims) => {
    const user = await findUserOfLiveSession(app.db, c.sessionId, c.userId)
    return !!user && user.org_id === c.orgId && !user.must_change_password && hasAnyRole(user.roles, INBOX_ROLES)
  }

  app.get(
    '/inbox/events',
    {
      schema: {
        tags: ['live'],
        summary: `实时更新（text/event-stream）：事件 ${LIVE_EVENTS.itemChanged}（{ id, version, status, kind }）、${LIVE_EVENTS.presence}（{ itemId, viewers }）、${LIVE_EVENTS.resync}（请重新加载列表）；ticket 来自 POST /api/inbox/events/ticket`,
        querystring: LiveEventsQuery,
        response: { 200: { description: '事件流', content: { 'text/event-stream': { schema: Type.String() } } }, 401: ErrorBody }
      }
    },
    async (request, reply) => {
      const claims = verifyTicket(app.live.ticketKey, request.query.ticket, app.live.now())
      if (!claims || !(await stillAllowed(claims))) throw unauthorized('实时更新凭证无效或已过期，请刷新页面')

      const stream = new PassThrough()
      const write = (chunk: string) => {
        if (stream.writableEnded) return
        if (stream.writableLength > MAX_BUFFERED_BYTES) return void stream.end()
        stream.write(chunk)
      }
      let ended = false
      const end = () => {
        if (ended) return
        ended = true
        clearInterval(beat)
        unsubscribe()
        stream.end()
      }
      const unsubscribe = app.live.hub.subscribe({ orgId: claims.orgId, send: (event, data) => write(sseEvent(event, data)), close: end })
      const beat = setInterval(async () => {
        try {
          if (await stillAllowed(claims)) return write(sseComment('ping'))
        } catch {
          // The database is unreachable: let the client reconnect once it is back.
        }
        end()
      }, app.live.heartbeatMs)
      beat.unref()
      // The client went away (tab closed, network gone): stop the timer, leave the hub.
      reply.raw.on('close', end)
      stream.on('close', end)

      write(sseComment('connected'))
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        // nginx and similar proxies: pass each event on at once.
        .header('x-accel-buffering', 'no')
        // The schema documents the stream as text; the typed reply knows no streams.
        .send(stream as never)
    }
  )
}
export default routes
