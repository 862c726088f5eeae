import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { InboxQuery, InboxPage, InboxCounts } from '../../../domain/schemas/inbox'
import { BUILTIN_VIEWS } from '../../../domain/inbox-views'
import { INBOX_ROLES } from '../../../domain/desk'
import { countInbox, listInbox } from '../../repositories/inbox'
import { listSavedViews } from '../../repositories/saved-views'
import { resolveInboxFilter, viewerFor } from '../../services/inbox-filter'
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
      const now = new Date()
      // The calendar is read beside the page (on PostgreSQL two pooled connections answer at
      // once; PGlite's one connection takes them in turn); only a due-soon filter waits for it.
      const calendarRead = orgCalendar(app.db, user.orgId)
      const filter = await resolveInboxFilter(app.db, { id: user.id, orgId: user.orgId, now }, request.query)
      const viewer = await viewerFor(app.db, user, [filter], now, calendarRead)
      const [page, calendar] = await Promise.all([listInbox(app.db, viewer, filter, { limit: request.query.limit ?? 20, cursor: request.query.cursor }, app.mediaUrl), calendarRead])
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
      const saved = await listSavedViews(app.db, { id: user.id, orgId: user.orgId })
      const views = [
        ...BUILTIN_VIEWS.map((v) => ({ id: v.id, label: v.label, builtin: true, query: v.query })),
        ...saved.map((v) => ({ id: v.id, label: v.label, builtin: false, query: v.query }))
      ]
      const queries = views.map((v) => v.query)
      const counts = await countInbox(app.db, await viewerFor(app.db, user, queries), queries)
      return { views: views.map((v, i) => ({ id: v.id, label: v.label, builtin: v.builtin, count: counts[i]! })) }
    }
  )
}
export default routes
