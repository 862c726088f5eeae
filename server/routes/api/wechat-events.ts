import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { PushEvent, PushQuery } from '../../../domain/schemas/wechat-events'
import { verifyPushSignature } from '../../wechat/signature'
import { forbidden, notFound } from '../../http/errors'
import { recordMediaVerdict } from '../../services/moderation'

const MEDIA_CHECK_EVENT = 'wxa_media_check'

/**
 * WeChat's message push (消息推送, JSON, plaintext), configured in the mini-program console with
 * this URL and WECHAT_CALLBACK_TOKEN. GET is the console's URL check (echo `echostr`); POST
 * delivers events, of which zhibao reads `wxa_media_check` (the image check's verdict, matched by
 * trace_id). Every request must carry a valid signature; WeChat expects `success` back.
 */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const token = app.contentConfig.callbackToken
  const verify = (q: PushQuery) => {
    if (!token) throw notFound('未配置微信消息推送（WECHAT_CALLBACK_TOKEN）')
    const check = verifyPushSignature(token, q)
    if (check !== 'ok') throw forbidden(check === 'stale' ? '推送时间戳已过期' : '推送签名无效')
  }

  app.get(
    '/wechat/events',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['wechat'], summary: '微信消息推送的服务器地址校验：签名正确时原样返回 echostr', querystring: PushQuery, response: { 200: Type.String() } }
    },
    async (request, reply) => {
      verify(request.query)
      return reply.type('text/plain; charset=utf-8').send(request.query.echostr ?? '')
    }
  )

  app.post(
    '/wechat/events',
    {
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: {
        tags: ['wechat'],
        summary: '微信消息推送（JSON 明文）：接收图片内容安全检测结果 wxa_media_check，按 trace_id 更新图片状态（risky 隔离，review 待人工审核）',
        querystring: PushQuery,
        body: PushEvent,
        response: { 200: Type.String() }
      }
    },
    async (request, reply) => {
      verify(request.query)
      const event = request.body
      if (event.Event === MEDIA_CHECK_EVENT && event.trace_id && event.result) {
        const outcome = await recordMediaVerdict(app.db, event.trace_id, event.result.suggest, event.result.label ?? null)
        request.log.info({ traceId: event.trace_id, suggest: event.result.suggest, label: event.result.label, outcome }, 'media check result')
      }
      return reply.type('text/plain; charset=utf-8').send('success')
    }
  )
}
export default routes
