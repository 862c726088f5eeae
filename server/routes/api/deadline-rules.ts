import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DeadlineRuleKeyParams, DeadlineRuleList, PutDeadlineRuleBody } from '../../../domain/schemas/deadlines'
import { INBOX_ROLES } from '../../../domain/desk'
import type { DeadlineRuleKey } from '../../../domain/deadlines/rules'
import { effectiveRules } from '../../services/deadlines'
import { deleteRule, upsertRule } from '../../repositories/deadline-rules'
import { badRequest } from '../../http/errors'

/** Cases have no category: their rules are kind-wide (`*`). */
function checkKey(key: DeadlineRuleKey): DeadlineRuleKey {
  if (key.kind === 'case' && key.category !== '*') throw badRequest('事例没有类别，类别请填 *')
  return key
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/deadline-rules',
    {
      config: { roles: INBOX_ROLES },
      schema: { tags: ['admin'], summary: '办理时限规则（默认值及其依据、管理员的调整）', response: { 200: DeadlineRuleList } }
    },
    async (request) => ({ rules: await effectiveRules(app.db, request.currentUser.orgId) })
  )

  app.put(
    '/admin/deadline-rules',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '设置某类条目的办理时限（工作日；null 为不设时限）。只影响之后收到或受理的条目',
        body: PutDeadlineRuleBody,
        response: { 200: DeadlineRuleList }
      }
    },
    async (request) => {
      const { workingDays, ...key } = request.body
      await upsertRule(app.db, request.currentUser.orgId, checkKey(key), workingDays, request.currentUser.id)
      return { rules: await effectiveRules(app.db, request.currentUser.orgId) }
    }
  )

  app.delete(
    '/admin/deadline-rules/:kind/:category/:clockStart',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['admin'], summary: '撤销管理员的调整，恢复默认时限', params: DeadlineRuleKeyParams, response: { 200: DeadlineRuleList } }
    },
    async (request) => {
      await deleteRule(app.db, request.currentUser.orgId, checkKey(request.params))
      return { rules: await effectiveRules(app.db, request.currentUser.orgId) }
    }
  )
}
export default routes
