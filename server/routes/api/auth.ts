import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { verify } from '@node-rs/argon2'
import { WechatLoginBody, PasswordLoginBody, DevLoginBody, SessionView } from '../../../domain/schemas/auth'
import { findOrCreateDevUser, findOrCreateWechatUser, findUserByUsername, toUserView } from '../../repositories/users'
import type { AppUser } from '../../db/tables/app-user'
import { unauthorized } from '../../http/errors'

// Logins are the routes worth guessing at: limit them per client address.
const loginLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } }

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const session = async (user: AppUser) => ({ token: app.signSession(user), user: await toUserView(app.db, user) })

  app.post(
    '/auth/wechat',
    { config: loginLimit, schema: { tags: ['auth'], summary: '小程序登录：用 wx.login 的 code 换取本系统令牌', body: WechatLoginBody, response: { 200: SessionView } } },
    async (request) => {
      const { openid } = await app.wechat.code2Session(request.body.code)
      return session(await findOrCreateWechatUser(app.db, app.defaultOrgId, openid))
    }
  )

  app.post(
    '/auth/password',
    { config: loginLimit, schema: { tags: ['auth'], summary: '电脑端（H5）账号密码登录', body: PasswordLoginBody, response: { 200: SessionView } } },
    async (request) => {
      const user = await findUserByUsername(app.db, app.defaultOrgId, request.body.username)
      const ok = user?.password_hash ? await verify(user.password_hash, request.body.password) : false
      if (!user || !ok) throw unauthorized('用户名或密码不正确')
      return session(user)
    }
  )

  // Dev mode only: the route does not exist in live mode, so it cannot be reached by accident.
  if (app.wechatMode === 'dev') {
    app.post(
      '/auth/dev',
      { schema: { tags: ['auth'], summary: '开发模式登录：以任意角色和姓名登录（仅 WECHAT_MODE=dev）', body: DevLoginBody, response: { 200: SessionView } } },
      async (request) => session(await findOrCreateDevUser(app.db, app.defaultOrgId, request.body.role, request.body.name))
    )
  }
}
export default routes
