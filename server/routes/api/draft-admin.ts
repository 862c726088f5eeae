import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams } from '../../../domain/schemas/common'
import { DepartmentReviewers, ExpressionBody, ExpressionList, PutReviewersBody, ReviewerConfigList } from '../../../domain/schemas/draft'
import { ExpressionView } from '../../../domain/schemas/draft'
import { addExpression, listExpressions, removeExpression, reviewerConfig, setReviewers } from '../../services/draft-admin'

const adminOnly = { roles: ['admin'] as const }
const tags = ['admin']

/** The admin's side of the 三审: reviewers per department and stage; the banned-expression list. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/draft-reviewers',
    { config: adminOnly, schema: { tags, summary: '各部门的三审审核人（初审、复审、终审）', response: { 200: ReviewerConfigList } } },
    async (request) => reviewerConfig(app.db, request.currentUser)
  )

  app.put(
    '/admin/draft-reviewers/:id',
    {
      config: adminOnly,
      schema: { tags, summary: '设置某部门各审核环节的审核人（同一人可配置多个环节，但同一稿件只能签署其中一个）', params: IdParams, body: PutReviewersBody, response: { 200: DepartmentReviewers } }
    },
    async (request) => setReviewers(app.db, request.currentUser, request.params.id, request.body)
  )

  app.get(
    '/admin/editorial-expressions',
    { config: { roles: ['admin', 'staff', 'reviewer'] as const }, schema: { tags, summary: '发布前检查的规范表述列表（默认列表和本局补充）', response: { 200: ExpressionList } } },
    async (request) => listExpressions(app.db, request.currentUser)
  )

  app.post(
    '/admin/editorial-expressions',
    { config: adminOnly, schema: { tags, summary: '新增本局的禁用或易错表述', body: ExpressionBody, response: { 201: ExpressionView } } },
    async (request, reply) => reply.code(201).send(await addExpression(app.db, request.currentUser, request.body))
  )

  app.delete(
    '/admin/editorial-expressions/:id',
    { config: adminOnly, schema: { tags, summary: '删除本局补充的表述（默认列表不能删除）', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await removeExpression(app.db, request.currentUser, request.params.id)
      return reply.code(204).send(null)
    }
  )
}
export default routes
