import fp from 'fastify-plugin'
import { WechatClient, type WechatConfig } from '../../wechat/client'
import { dbTokenStore } from '../../services/wechat-token'

declare module 'fastify' {
  interface FastifyInstance {
    wechat: WechatClient
    wechatMode: 'dev' | 'live'
  }
}

export default fp<WechatConfig & { mode: 'dev' | 'live' }>(async (app, opts) => {
  // The token lives in the database so every server process shares it (and one renews it).
  app.decorate('wechat', new WechatClient(opts, undefined, dbTokenStore(app.db)))
  app.decorate('wechatMode', opts.mode)
})
