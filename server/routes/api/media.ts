import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { MediaView } from '../../../domain/schemas/case'
import { Uuid } from '../../../domain/schemas/formats'
import { ingestImage, isMediaError } from '../../media'
import { saveIngestedMedia, toMediaView } from '../../repositories/media'
import { badRequest, HttpError } from '../../http/errors'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/media',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['media'],
        summary: '上传一张照片（multipart 字段 file）：JPEG/PNG/WebP/HEIC，≤15 MB；去除元数据后保存',
        consumes: ['multipart/form-data'],
        response: { 201: MediaView }
      }
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new HttpError(415, 'unsupported_media_type', '请以 multipart/form-data 上传，文件字段名为 file')
      const part = await request.file()
      if (!part || part.fieldname !== 'file') throw badRequest('没有收到照片：请把文件放在名为 file 的字段中上传')
      const user = request.currentUser
      try {
        // Officers' photos are evidence and keep where they were taken; citizens' never do.
        // The body's Content-Length (Node's parser never delivers more) bounds the file's size.
        const length = Number(request.headers['content-length'])
        const image = await ingestImage(part.file, {
          keepGps: user.roles.includes('officer'),
          ...(Number.isSafeInteger(length) && length >= 0 ? { sizeHint: length } : {})
        })
        const media = await saveIngestedMedia(app.db, app.mediaStorage, user, image)
        return reply.code(201).send(toMediaView(media, app.mediaUrl))
      } catch (err) {
        if (isMediaError(err)) {
          // The rest of a refused upload is never read: close the connection rather than drain it.
          if (err.statusCode === 413) reply.header('connection', 'close')
          throw new HttpError(err.statusCode, err.code, err.message)
        }
        throw err
      }
    }
  )
}
export default routes

export const MediaFileParams = Type.Object(
  { id: Uuid({ title: '照片编号' }), variant: Type.Enum(['full', 'thumb'], { title: '尺寸' }) },
  { additionalProperties: false }
)
