import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { WechatLoginBody, PasswordLoginBody, DevLoginBody, SessionView, RefreshBody } from '../../../domain/schemas/auth'
import { findOrCreateDevUser, findOrCreateWechatUser } from '../../repositories/users'
import { badRequest } from '../../http/errors'
import { checkPassword } from '../../services/passwords'
import { logout, refreshSession } from '../../services/sessions'
import { secretLimit } from '../../http/secret-limit'
import { rateLimits } from '../../http/rate-limits'

// Logins are the routes worth guessing at: limit them per client address (no one is signed in yet).
const loginLimit = { rateLimit: rateLimits.login.perIp }

const routes: FastifyPluginAsyncTypebox = async (app) => {
  // Per username as well: a guesser with many addresses still gets ten tries per account.
  const perUsername = secretLimit(app, {
    name: 'password-username',
    max: 10,
    timeWindow: 10 * 60_000,
    key: (request) => String((request.body as { username?: unknown } | undefined)?.username ?? '').normalize('NFKC').toLowerCase()
  })

  app.post(
    '/auth/wechat',
    { config: loginLimit, schema: { tags: ['auth'], summary: '小程序登录：用 wx.login 的 code 换取本系统令牌', body: WechatLoginBody, response: { 200: SessionView } } },
    async (request) => {
      // Dev mode makes no WeChat calls at all (there is no app id to call with).
      if (app.wechatMode === 'dev') throw badRequest('开发模式未连接微信，无法微信登录：请在登录页使用“开发模式登录”，选择身份并填写姓名', 'wechat_dev_mode')
      const { openid } = await app.wechat.code2Session(request.body.code)
      return app.openSession(await findOrCreateWechatUser(app.db, app.defaultOrgId, openid))
    }
  )

  app.post(
    '/auth/password',
    {
      config: loginLimit,
      preHandler: perUsername,
      schema: {
        tags: ['auth'],
        summary: '电脑端（H5）账号密码登录。mustChangePassword 为 true 时须先修改密码，其他接口一律 403',
        body: PasswordLoginBody,
        response: { 200: SessionView }
      }
    },
    async (request) => app.openSession(await checkPassword(app.db, app.defaultOrgId, request.body.username, request.body.password))
  )

  app.post(
    '/auth/refresh',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '用 refreshToken 换取新的访问令牌和新的 refreshToken（旧的随即失效；答复丢失时可在 10 分钟内用旧的重试，新的从未用过即可；其他重复使用会使这次登录整体失效）',
        body: RefreshBody,
        response: { 200: SessionView }
      }
    },
    async (request) => refreshSession(app.sessions, request.body.refreshToken)
  )

  app.post(
    '/auth/logout',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '退出登录：结束这个 refreshToken 所属的登录（访问令牌随即失效）', body: RefreshBody, response: { 204: Type.Null() } }
    },
    async (request, reply) => {
      await logout(app.db, request.body.refreshToken)
      return reply.code(204).send(null)
    }
  )

  // Dev mode only: the route does not exist in live mode, so it cannot be reached by accident.
  if (app.wechatMode === 'dev') {
    app.post(
      '/auth/dev',
      { schema: { tags: ['auth'], summary: '开发模式登录：以任意角色和姓名登录（仅 WECHAT_MODE=dev）', body: DevLoginBody, response: { 200: SessionView } } },
      async (request) => app.openSession(await findOrCreateDevUser(app.db, app.defaultOrgId, request.body.role, request.body.name))
    )
  }
}
export default routes
