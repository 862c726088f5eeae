import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreateCaseBody, MyCaseView, MyCasesPage, ResubmitCaseBody } from '../../../domain/schemas/case'
import { IdParams } from '../../../domain/schemas/common'
import { createCase, listMyCases, resubmitCase } from '../../services/cases'

const officerOnly = { roles: ['officer'] as const }

const routes: FastifyPluginAsyncTypebox = async (app) => {
  // An answer without the case would tell the outbox it was delivered: never send one.
  const myCase = async (userId: string, id: string) => {
    const found = (await listMyCases(app.db, userId, app.mediaUrl, id))[0]
    if (!found) throw new Error(`case ${id} not readable by its author ${userId}`)
    return found
  }

  app.post(
    '/cases',
    {
      config: officerOnly,
      schema: {
        tags: ['cases'],
        summary: '基层干部提交典型事例。对同一 clientId 幂等：重复提交返回已有事例（200），不会产生第二条',
        body: CreateCaseBody,
        response: { 201: MyCaseView, 200: MyCaseView }
      }
    },
    async (request, reply) => {
      const { id, created } = await createCase(app.db, request.currentUser, request.body, app.contentChecker)
      return reply.code(created ? 201 : 200).send(await myCase(request.currentUser.id, id))
    }
  )

  app.get(
    '/cases/mine',
    { config: officerOnly, schema: { tags: ['cases'], summary: '我的事例：状态与宣传人员的反馈', response: { 200: MyCasesPage } } },
    async (request) => ({ items: await listMyCases(app.db, request.currentUser.id, app.mediaUrl) })
  )

  app.post(
    '/cases/:id/resubmit',
    {
      config: officerOnly,
      schema: { tags: ['cases'], summary: '修改被退回的事例并重新提交', params: IdParams, body: ResubmitCaseBody, response: { 200: MyCaseView } }
    },
    async (request) => {
      await resubmitCase(app.db, request.currentUser, request.params.id, request.body, app.contentChecker)
      return myCase(request.currentUser.id, request.params.id)
    }
  )
}
export default routes
