import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CannedReplyList, DepartmentList, PeopleList, PeopleQuery, TopicList, TopicsQuery } from '../../../domain/schemas/admin'
import { DESK_ROLES, INBOX_ROLES } from '../../../domain/desk'
import { currentTopicYear, listDeskPeople } from '../../services/admin'
import { listCannedReplies, listDepartments, listTopics } from '../../repositories/admin'

/** What the desk picks from: colleagues, departments, this year's topics, reply templates. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/people',
    {
      config: { roles: INBOX_ROLES },
      schema: { tags: ['inbox'], summary: '本局在岗的工作人员（可分派的同事）；includeDisabled=true 包括已停用的（仅管理员）', querystring: PeopleQuery, response: { 200: PeopleList } }
    },
    async (request) => ({ people: await listDeskPeople(app.db, request.currentUser, request.query) })
  )

  app.get(
    '/departments',
    { config: { roles: INBOX_ROLES }, schema: { tags: ['inbox'], summary: '本局的部门', response: { 200: DepartmentList } } },
    async (request) => ({ departments: await listDepartments(app.db, request.currentUser.orgId) })
  )

  app.get(
    '/topics',
    {
      config: { roles: INBOX_ROLES },
      schema: { tags: ['inbox'], summary: '某年度的重点主题（默认今年，北京时间），含已停用的（active=false）', querystring: TopicsQuery, response: { 200: TopicList } }
    },
    async (request) => ({ topics: await listTopics(app.db, request.currentUser.orgId, request.query.year ?? currentTopicYear()) })
  )

  app.get(
    '/canned-replies',
    { config: { roles: DESK_ROLES }, schema: { tags: ['inbox'], summary: '答复模板（占位符见 domain/canned-replies.ts）', response: { 200: CannedReplyList } } },
    async (request) => ({ cannedReplies: await listCannedReplies(app.db, request.currentUser.orgId) })
  )
}
export default routes
