import fs from 'node:fs'
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'

/** Serves the built H5 app at `/` when it exists (the API works without it). */
export default fp<{ h5Dir: string }>(async (app, opts) => {
  if (!fs.existsSync(opts.h5Dir)) return
  await app.register(fastifyStatic, { root: opts.h5Dir, prefix: '/', wildcard: true })
})
