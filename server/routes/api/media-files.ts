import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Line } from '../../../domain/schemas/formats'
import { verifyMediaSignature } from '../../media'
import { forbidden, notFound } from '../../http/errors'
import { MediaFileParams } from './media'
import { QUARANTINED_MEDIA } from '../../../domain/moderation/media'

/**
 * Serves stored photos. `<image>` tags send no token, so the link itself is the permission:
 * signed for one id and variant, and expiring. Only routes that let a user see the item hand
 * such links out, so whoever may not see the item has no valid link.
 */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/media/:id/:variant',
    {
      schema: {
        tags: ['media'],
        summary: '读取照片（需带签名且未过期的链接）',
        params: MediaFileParams,
        querystring: Type.Object({ exp: Type.Optional(Line()), sig: Type.Optional(Line()) }, { additionalProperties: false })
      }
    },
    async (request, reply) => {
      const { id, variant } = request.params
      const check = verifyMediaSignature({ id, variant, exp: request.query.exp, sig: request.query.sig }, app.mediaUrlSecret)
      if (!check.ok) throw forbidden(check.reason === 'expired' ? '图片链接已过期，请下拉刷新后再看' : '图片链接无效，您无权查看此图片')
      const media = await app.db.selectFrom('media').select(['storage_key', 'thumb_key', 'moderation']).where('id', '=', id).executeTakeFirst()
      // A quarantined image is served to no one, whatever links were handed out before.
      if (media?.moderation === QUARANTINED_MEDIA) throw notFound('图片未通过内容审核，已隔离')
      const object = media && (await app.mediaStorage.get(variant === 'full' ? media.storage_key : media.thumb_key))
      if (!object) throw notFound('图片不存在或已被删除')
      return reply
        .header('content-type', object.contentType)
        .header('content-length', object.size)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(object.body)
    }
  )
}
export default routes
