import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { UserView } from '../../../domain/schemas/auth'
import { MentionsPage } from '../../../domain/schemas/item'
import { INBOX_ROLES } from '../../../domain/desk'
import { findUserById, toUserView } from '../../repositories/users'
import { listMyMentions } from '../../services/mentions'
import { PhoneCodeBody, PhoneNumberView } from '../../../domain/schemas/contact'
import { phoneNumberFromCode } from '../../wechat/phone'
import { badRequest } from '../../http/errors'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/me', { schema: { tags: ['auth'], summary: '当前登录用户', response: { 200: UserView } } }, async (request) => {
    const user = await findUserById(app.db, request.currentUser.id)
    return toUserView(app.db, user!)
  })

  app.get(
    '/me/mentions',
    { config: { roles: INBOX_ROLES }, schema: { tags: ['inbox'], summary: '提到我的：同事在内部备注中 @ 我的记录，最新在前', response: { 200: MentionsPage } } },
    async (request) => ({ items: await listMyMentions(app.db, request.currentUser) })
  )

  app.post(
    '/me/phone',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '用微信手机号按钮给的一次性 code 换取本人手机号（只返回给本人填入表单，服务器不保存）',
        body: PhoneCodeBody,
        response: { 200: PhoneNumberView }
      }
    },
    async (request) => {
      if (app.wechatMode === 'dev') throw badRequest('开发模式未连接微信，不能获取微信手机号：请直接填写手机号', 'wechat_dev_mode')
      return { phone: await phoneNumberFromCode(app.wechat, request.body.code) }
    }
  )
}
export default routes
