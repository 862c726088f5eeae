import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '../../../domain/schemas/common'
import { ActionBody, AssignBody, ItemDetail, NoteBody, PriorityBody, ReplyBody, TopicsBody } from '../../../domain/schemas/item'
import { DESK_ROLES, NOTE_ROLES } from '../../../domain/desk'
import { addNote, assign, getItemDetail, reply, setPriority, setTopics, transition } from '../../services/items'
import { CONTACT_REVEAL_ROLES } from '../../../domain/message/contact'
import { PhoneNumberView } from '../../../domain/schemas/contact'
import { revealContact } from '../../services/contact'

const desk = { roles: DESK_ROLES }

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const detail = (request: { currentUser: Parameters<typeof getItemDetail>[1]; params: { id: string } }) =>
    getItemDetail(app.db, request.currentUser, request.params.id, app.mediaUrl)

  app.get(
    '/items/:id',
    { schema: { tags: ['inbox'], summary: '条目详情与时间线（工作人员看全部，作者看公开部分）', params: IdParams, response: { 200: ItemDetail } } },
    async (request) => detail(request)
  )

  app.post(
    '/items/:id/actions',
    {
      schema: {
        tags: ['inbox'],
        summary:
          '按条目类型的状态机执行操作（留言：受理、不予受理、办理、答复、办结、重新办理；事例：采用、退回补充、存档…）；不允许的操作返回 409；带 version 时，条目已被他人修改也返回 409（details 说明现状）',
        params: IdParams,
        body: ActionBody,
        response: { 200: ItemDetail }
      }
    },
    async (request) => {
      await transition(app.db, request.currentUser, request.params.id, request.body)
      return detail(request)
    }
  )

  app.post(
    '/items/:id/reply',
    {
      config: desk,
      schema: { tags: ['inbox'], summary: '答复留言（状态变为已答复）', params: IdParams, body: ReplyBody, response: { 200: ItemDetail } }
    },
    async (request) => {
      await reply(app.db, request.currentUser, request.params.id, request.body.body)
      return detail(request)
    }
  )

  app.post(
    '/items/:id/assign',
    { config: desk, schema: { tags: ['inbox'], summary: '分派给本局的工作人员和/或部门（null 为取消）', params: IdParams, body: AssignBody, response: { 200: ItemDetail } } },
    async (request) => {
      await assign(app.db, request.currentUser, request.params.id, request.body)
      return detail(request)
    }
  )

  app.post(
    '/items/:id/priority',
    { config: desk, schema: { tags: ['inbox'], summary: '设置优先级（0 普通、1 优先、2 紧急）', params: IdParams, body: PriorityBody, response: { 200: ItemDetail } } },
    async (request) => {
      await setPriority(app.db, request.currentUser, request.params.id, request.body)
      return detail(request)
    }
  )

  app.post(
    '/items/:id/topics',
    { config: desk, schema: { tags: ['inbox'], summary: '标记重点主题（整体替换）', params: IdParams, body: TopicsBody, response: { 200: ItemDetail } } },
    async (request) => {
      await setTopics(app.db, request.currentUser, request.params.id, request.body)
      return detail(request)
    }
  )

  app.post(
    '/items/:id/notes',
    {
      config: { roles: NOTE_ROLES },
      schema: { tags: ['inbox'], summary: '内部备注（仅工作人员可见）；@姓名 提到本局同事，对方在“提到我的”中看到', params: IdParams, body: NoteBody, response: { 200: ItemDetail } }
    },
    async (request) => {
      await addNote(app.db, request.currentUser, request.params.id, request.body)
      return detail(request)
    }
  )

  app.post(
    '/items/:id/reveal-contact',
    {
      config: { roles: CONTACT_REVEAL_ROLES, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['inbox'],
        summary: '查看留言人的完整联系电话（每次查看都记入内部时间线：谁、何时）；匿名举报或未留电话返回 409',
        params: IdParams,
        response: { 200: PhoneNumberView }
      }
    },
    async (request) => ({ phone: await revealContact(app.db, request.currentUser, request.params.id) })
  )
}
export default routes
