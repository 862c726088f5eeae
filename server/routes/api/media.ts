import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { MediaView } from '../../../domain/schemas/case'
import { Uuid } from '../../../domain/schemas/formats'
import { ingestImage, isMediaError } from '../../media'
import { readDeviceFacts } from '../../media/device-evidence'
import { saveIngestedMedia } from '../../repositories/media'
import { toMediaView } from '../../views/media'
import { badRequest, HttpError } from '../../http/errors'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/media',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['media'],
        summary:
          '上传一张照片（multipart 字段 file）：JPEG/PNG/WebP/HEIC，≤15 MB；去除元数据后保存。file 之前可带手机从原图读到的 deviceTakenAt（ISO 8601，带时区）、deviceLat、deviceLng（设备记录，与服务器读取的分开保存）',
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
        // Only the fields before the file part have arrived by now; the app sends them first.
        // Device evidence is for officers' case photos only: from anyone else (a citizen's photo
        // for a message) it is not even read, let alone stored — PIPL's minimum.
        const evidence = user.roles.includes('officer')
        const device = evidence ? readDeviceFacts(fieldValues(part.fields)) : {}
        // Officers' photos are evidence and keep where they were taken; citizens' never do.
        // The body's Content-Length (Node's parser never delivers more) bounds the file's size.
        const length = Number(request.headers['content-length'])
        const image = await ingestImage(part.file, {
          keepGps: evidence,
          ...(Number.isSafeInteger(length) && length >= 0 ? { sizeHint: length } : {})
        })
        const media = await saveIngestedMedia(app.db, app.mediaStorage, user, image, device)
        return reply.code(201).send(toMediaView(media, app.mediaUrl))
      } catch (err) {
        if (isMediaError(err)) {
          // The rest of a refused upload is never read: close the connection rather than drain it.
          if (err.statusCode === 413 || err.code === 'bad_device_evidence') reply.header('connection', 'close')
          throw new HttpError(err.statusCode, err.code, err.message)
        }
        throw err
      }
    }
  )
}
export default routes

/** The plain text fields of a multipart upload, by name (the first value of a repeated one). */
function fieldValues(fields: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [name, entry] of Object.entries(fields)) {
    const first = Array.isArray(entry) ? entry[0] : entry
    const value = (first as { type?: string; value?: unknown } | undefined)?.value
    if ((first as { type?: string } | undefined)?.type === 'field' && typeof value === 'string') out[name] = value
  }
  return out
}

export const MediaFileParams = Type.Object(
  { id: Uuid({ title: '照片编号' }), variant: Type.Enum(['full', 'thumb'], { title: '尺寸' }) },
  { additionalProperties: false }
)
