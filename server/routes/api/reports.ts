import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { OverdueReport } from '../../../domain/schemas/deadlines'
import { INBOX_ROLES } from '../../../domain/desk'
import { overdueReport } from '../../services/overdue-report'
import { SatisfactionQuery, SatisfactionReport } from '../../../domain/schemas/follow-up'
import { satisfactionReport } from '../../services/satisfaction'
import { beijingDay, yearOf } from '../../../domain/deadlines/day'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/reports/overdue',
    {
      config: { roles: INBOX_ROLES },
      schema: { tags: ['deadlines'], summary: '超期未办结的条目，按部门和承办人统计（工作日）', response: { 200: OverdueReport } }
    },
    async (request) => overdueReport(app.db, request.currentUser.orgId, new Date())
  )

  app.get(
    '/reports/satisfaction',
    {
      config: { roles: INBOX_ROLES },
      schema: {
        tags: ['reports'],
        summary: '群众满意度：按月份和部门统计满意、基本满意、不满意与逾期未评价（默认今年，北京时间）',
        querystring: SatisfactionQuery,
        response: { 200: SatisfactionReport }
      }
    },
    async (request) => satisfactionReport(app.db, request.currentUser.orgId, request.query.year ?? yearOf(beijingDay(new Date())))
  )
}
export default routes
