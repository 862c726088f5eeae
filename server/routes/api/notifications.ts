import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '../../../domain/schemas/common'
import { NotificationPage, NotificationQuery, ReadAllResult, UnreadCount } from '../../../domain/schemas/notifications'
import { NOTIFICATION_KIND_LABELS } from '../../../domain/notifications'
import { countUnread, listNotifications, markAllRead, markRead } from '../../repositories/notifications'
import { notFound } from '../../http/errors'

/** Everyone's own bell: each user sees and marks only their notifications. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/notifications',
    { schema: { tags: ['notifications'], summary: '我的通知（分派给我、提到我、即将到期、已超期），最新在前', querystring: NotificationQuery, response: { 200: NotificationPage } } },
    async (request) => {
      const userId = request.currentUser.id
      const [rows, unreadCount] = await Promise.all([
        listNotifications(app.db, userId, { unreadOnly: request.query.unread ?? false, limit: request.query.limit ?? 30 }),
        countUnread(app.db, userId)
      ])
      return {
        unreadCount,
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          kindLabel: NOTIFICATION_KIND_LABELS[r.kind],
          itemId: r.item_id,
          itemKind: r.item_kind,
          subject: r.subject_type && r.subject_id ? { type: r.subject_type, id: r.subject_id } : null,
          excerpt: r.excerpt,
          body: r.body,
          actorName: r.actor_name,
          createdAt: r.created_at.toISOString(),
          readAt: r.read_at?.toISOString() ?? null
        }))
      }
    }
  )

  app.post(
    '/notifications/:id/read',
    { schema: { tags: ['notifications'], summary: '标记一条通知为已读（返回剩余未读数，给铃铛用）', params: IdParams, response: { 200: UnreadCount } } },
    async (request) => {
      if (!(await markRead(app.db, request.currentUser.id, request.params.id, new Date()))) throw notFound('通知不存在，或不是发给您的')
      return { unreadCount: await countUnread(app.db, request.currentUser.id) }
    }
  )

  app.post(
    '/notifications/read-all',
    { schema: { tags: ['notifications'], summary: '全部标记为已读', response: { 200: ReadAllResult } } },
    async (request) => ({ updated: await markAllRead(app.db, request.currentUser.id, new Date()) })
  )
}
export default routes
