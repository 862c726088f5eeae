import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  AdminPeopleList,
  AdminPeopleQuery,
  AdminPersonView,
  CannedReplyView,
  CreateCannedReplyBody,
  CreateTopicBody,
  DepartmentBody,
  DepartmentList,
  DepartmentView,
  TopicView,
  UpdateCannedReplyBody,
  UpdatePersonBody,
  UpdateTopicBody
} from '../../../domain/schemas/admin'
import { IdParams } from '../../../domain/schemas/common'
import { listDepartments } from '../../repositories/admin'
import * as admin from '../../services/admin'

const adminOnly = { roles: ['admin'] as const }
const tags = ['admin']

/** The admin area: departments, people, focus topics, reply templates. Admins of the bureau only. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/admin/departments', { config: adminOnly, schema: { tags, summary: '部门列表', response: { 200: DepartmentList } } }, async (request) => ({
    departments: await listDepartments(app.db, request.currentUser.orgId)
  }))

  app.post(
    '/admin/departments',
    { config: adminOnly, schema: { tags, summary: '新建部门（本局内名称不重复）', body: DepartmentBody, response: { 201: DepartmentView } } },
    async (request, reply) => reply.code(201).send(await admin.createDepartment(app.db, request.currentUser, request.body.name))
  )

  app.put(
    '/admin/departments/:id',
    { config: adminOnly, schema: { tags, summary: '部门改名', params: IdParams, body: DepartmentBody, response: { 200: DepartmentView } } },
    async (request) => admin.renameDepartment(app.db, request.currentUser, request.params.id, request.body.name)
  )

  app.get(
    '/admin/people',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: '本局的干部和工作人员（含已停用的），按姓名分页；可按姓名或登录名片段搜索，按角色、部门筛选（departmentId=none：未分部门）',
        querystring: AdminPeopleQuery,
        response: { 200: AdminPeopleList }
      }
    },
    async (request) => admin.listManagedPeople(app.db, request.currentUser, request.query)
  )

  app.put(
    '/admin/people/:id',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: '修改人员的角色、部门，或停用 / 启用；停用立即生效（其所有登录失效）。本局须保留至少一位在用的管理员',
        params: IdParams,
        body: UpdatePersonBody,
        response: { 200: AdminPersonView }
      }
    },
    async (request) => admin.updatePerson(app.db, request.currentUser, request.params.id, request.body)
  )

  app.post(
    '/admin/topics',
    { config: adminOnly, schema: { tags, summary: '新增某年度的重点主题（同一年度不重名）', body: CreateTopicBody, response: { 201: TopicView } } },
    async (request, reply) => reply.code(201).send(await admin.createTopic(app.db, request.currentUser, request.body))
  )

  app.put(
    '/admin/topics/:id',
    { config: adminOnly, schema: { tags, summary: '重点主题改名、启用或停用（已标记的条目保留原主题）', params: IdParams, body: UpdateTopicBody, response: { 200: TopicView } } },
    async (request) => admin.updateTopic(app.db, request.currentUser, request.params.id, request.body)
  )

  app.post(
    '/admin/canned-replies',
    { config: adminOnly, schema: { tags, summary: '新增答复模板（可含占位符，如 {称呼}、{留言码}）', body: CreateCannedReplyBody, response: { 201: CannedReplyView } } },
    async (request, reply) => reply.code(201).send(await admin.createCannedReply(app.db, request.currentUser, request.body))
  )

  app.put(
    '/admin/canned-replies/:id',
    { config: adminOnly, schema: { tags, summary: '修改答复模板', params: IdParams, body: UpdateCannedReplyBody, response: { 200: CannedReplyView } } },
    async (request) => admin.updateCannedReply(app.db, request.currentUser, request.params.id, request.body)
  )

  app.delete(
    '/admin/canned-replies/:id',
    { config: adminOnly, schema: { tags, summary: '删除答复模板', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await admin.deleteCannedReply(app.db, request.currentUser, request.params.id)
      return reply.code(204).send(null)
    }
  )
}
export default routes
