import fp from 'fastify-plugin'
import { WechatClient, type WechatConfig } from '../../wechat/client'

declare module 'fastify' {
  interface FastifyInstance {
    wechat: WechatClient
    wechatMode: 'dev' | 'live'
  }
}

export default fp<WechatConfig & { mode: 'dev' | 'live' }>(async (app, opts) => {
  app.decorate('wechat', new WechatClient(opts))
  app.decorate('wechatMode', opts.mode)
})
