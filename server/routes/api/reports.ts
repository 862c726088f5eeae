import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { OverdueReport } from '../../../domain/schemas/deadlines'
import { INBOX_ROLES } from '../../../domain/desk'
import { overdueReport } from '../../services/overdue-report'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/reports/overdue',
    {
      config: { roles: INBOX_ROLES },
      schema: { tags: ['deadlines'], summary: '超期未办结的条目，按部门和承办人统计（工作日）', response: { 200: OverdueReport } }
    },
    async (request) => overdueReport(app.db, request.currentUser.orgId, new Date())
  )
}
export default routes
