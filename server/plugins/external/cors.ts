import fp from 'fastify-plugin'
import cors from '@fastify/cors'

/**
 * CORS is closed unless CORS_ORIGINS names origins: the H5 app is served by this server (same
 * origin) and the mini-program is not a browser, so neither needs it. Tokens travel in the
 * Authorization header, never in cookies, so credentials stay off.
 */
export default fp<{ origins: string[] }>(async (app, opts) => {
  if (opts.origins.length === 0) return
  await app.register(cors, {
    origin: opts.origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    credentials: false,
    maxAge: 600
  })
})
