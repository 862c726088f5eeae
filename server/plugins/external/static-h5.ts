import fs from 'node:fs'
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import { precompressDir, HASHED } from '../../startup/precompress-h5'

const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * Serves the built H5 app at `/` when it exists (the API works without it): precompressed
 * brotli/gzip files when there (written in the background after start-up), hashed files cached
 * for good, everything else — index.html above all, which names the current hashes — revalidated
 * on every load.
 */
export default fp<{ h5Dir: string }>(async (app, opts) => {
  if (!fs.existsSync(opts.h5Dir)) return
  let compressing: Promise<unknown> = Promise.resolve()
  app.addHook('onReady', async () => {
    compressing = precompressDir(opts.h5Dir).then(
      (n) => n && app.log.info({ files: n }, 'precompressed the H5 app'),
      // A read-only build folder still works: answers are compressed on the fly instead.
      (err) => app.log.warn({ err }, 'could not precompress the H5 app; compressing on the fly')
    )
  })
  app.addHook('onClose', async () => {
    await compressing
  })
  await app.register(fastifyStatic, {
    root: opts.h5Dir,
    prefix: '/',
    wildcard: true,
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, filePath) {
      reply.header('cache-control', HASHED.test(filePath) ? IMMUTABLE : 'no-cache')
    }
  })
})
