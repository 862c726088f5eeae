import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { InboxQuery, InboxPage, InboxCounts } from '../../../domain/schemas/inbox'
import { BUILTIN_VIEWS } from '../../../domain/inbox-views'
import { INBOX_ROLES } from '../../../domain/desk'
import { countInbox, listInbox } from '../../repositories/inbox'
import { listSavedViews } from '../../repositories/saved-views'
import { resolveInboxFilter } from '../../services/inbox-filter'
import { orgCalendar } from '../../services/deadlines'
import { dueView } from '../../../domain/deadlines/describe-due'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/inbox',
    {
      config: { roles: INBOX_ROLES },
      schema: {
        tags: ['inbox'],
        summary: '共享收件箱：留言和事例一个列表；筛选、排序、搜索（q）、视图（view），游标翻页',
        querystring: InboxQuery,
        response: { 200: InboxPage }
      }
    },
    async (request) => {
      const user = request.currentUser
      const viewer = { id: user.id, orgId: user.orgId, now: new Date() }
      const filter = await resolveInboxFilter(app.db, viewer, request.query)
      // Independent reads side by side: on PostgreSQL two pooled connections answer at once, so
      // the calendar costs no extra round trip; PGlite's one connection takes them in turn.
      const [page, calendar] = await Promise.all([
        listInbox(app.db, viewer, filter, { limit: request.query.limit ?? 20, cursor: request.query.cursor }, app.mediaUrl),
        orgCalendar(app.db, user.orgId)
      ])
      return { ...page, items: page.items.map((i) => ({ ...i, due: dueView(calendar, viewer.now, i.dueAt ? new Date(i.dueAt) : null) })) }
    }
  )

  app.get(
    '/inbox/counts',
    {
      config: { roles: INBOX_ROLES },
      schema: { tags: ['inbox'], summary: '各视图（内置和自己保存的）当前的条数', response: { 200: InboxCounts } }
    },
    async (request) => {
      const user = request.currentUser
      const viewer = { id: user.id, orgId: user.orgId, now: new Date() }
      const saved = await listSavedViews(app.db, viewer)
      const views = [
        ...BUILTIN_VIEWS.map((v) => ({ id: v.id, label: v.label, builtin: true, query: v.query })),
        ...saved.map((v) => ({ id: v.id, label: v.label, builtin: false, query: v.query }))
      ]
      const counts = await countInbox(app.db, viewer, views.map((v) => v.query))
      return { views: views.map((v, i) => ({ id: v.id, label: v.label, builtin: v.builtin, count: counts[i]! })) }
    }
  )
}
export default routes
