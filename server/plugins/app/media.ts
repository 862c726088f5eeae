import crypto from 'node:crypto'
import fp from 'fastify-plugin'
import multipart from '@fastify/multipart'
import type { Config } from '../../config'
import { LocalStorage, S3Storage, MAX_UPLOAD_BYTES, signMediaUrl, type MediaStorage, type MediaVariant } from '../../media'

declare module 'fastify' {
  interface FastifyInstance {
    mediaStorage: MediaStorage
    /** A signed, expiring URL for one stored image variant. */
    mediaUrl(id: string, variant: MediaVariant): string
    mediaUrlSecret: Buffer
  }
}

export default fp<{ media: Config['media']; jwtSecret: string }>(async (app, opts) => {
  const s = opts.media.storage
  const s3 = s.kind === 's3' ? new S3Storage(s) : null
  const storage: MediaStorage = s3 ?? new LocalStorage((s as { dir: string }).dir)
  // A key of its own, derived from the JWT secret, so a media link can never pass as a token.
  const secret = crypto.createHmac('sha256', opts.jwtSecret).update('zhibao media urls').digest()
  app.decorate('mediaStorage', storage)
  app.decorate('mediaUrlSecret', secret)
  app.decorate('mediaUrl', (id: string, variant: MediaVariant) => {
    // Rounded expiry: the same link for a while, so the mini-program's image cache is reused.
    const ttl = opts.media.urlTtlSeconds * 1000
    const expiresAt = new Date(Math.ceil((Date.now() + ttl) / (ttl / 4)) * (ttl / 4))
    return signMediaUrl({ id, variant }, expiresAt, secret)
  })
  // One byte over the ingest limit, so ingest's own 413 (with its Chinese message) trips first.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 5 } })
  if (s3) app.addHook('onClose', async () => s3.close())
})
