import path from 'node:path'
import Fastify, { type FastifyServerOptions } from 'fastify'
import type { Config } from './config'
import type { Db } from './db/database'
import { validatorCompiler } from './http/validation'
import { FORMATS } from '../domain/schemas/formats'
import errorHandler from './plugins/external/error-handler'
import swagger from './plugins/external/swagger'
import dbPlugin from './plugins/external/db'
import rateLimit from './plugins/external/rate-limit'
import staticH5 from './plugins/external/static-h5'
import securityHeaders from './plugins/external/security-headers'
import cors from './plugins/external/cors'
import compress from './plugins/external/compress'
import tmpSweeper from './plugins/app/tmp-sweeper'
import dbProbe from './plugins/app/db-probe'
import orgPlugin from './plugins/app/org'
import auth from './plugins/app/auth'
import wechat from './plugins/app/wechat'
import content from './plugins/app/content'
import media from './plugins/app/media'
import jobs, { type JobsOptions } from './plugins/app/jobs'
import live from './plugins/app/live'
import type { ListenFn } from './db/connect'
import api from './routes/api'

declare module 'fastify' {
  interface FastifyInstance {
    dbEngine: 'pglite' | 'postgres'
  }
}

/** How often the background probe behind /api/health asks the database (server/db/probe.ts). */
const DB_PROBE_INTERVAL_MS = 2000

export interface AppDeps {
  config: Config
  db: Db
  dbEngine: 'pglite' | 'postgres'
  orgId: string
  logger?: FastifyServerOptions['logger']
  /** Fixed clock for the background jobs (tests). */
  jobsNow?: JobsOptions['now']
  /** Tests: retry subscribe messages after a second, not half a minute. */
  subscribeRetry?: JobsOptions['subscribeRetry']
  /** The database's notifications (OpenedDatabase.listen): live updates across processes. */
  listen?: ListenFn
  /** Tests: the clock of presence expiry and SSE tickets, and the stream heartbeat. */
  live?: { now?: () => Date; heartbeatMs?: number }
}

/**
 * The one factory for production and tests, so validation and error handling are identical
 * in both. The database arrives open and migrated; the app never owns its lifecycle.
 */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel },
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
    // Response serialisation resolves unions with ajv: it must know the domain's formats too.
    serializerOpts: { ajv: { formats: FORMATS } }
  })
  app.setValidatorCompiler(validatorCompiler)
  // Bodies are JSON (or multipart uploads): a text/plain body would only reach a schema that
  // wants an object and fail there with a confusing message; refuse it as the wrong type (415).
  app.removeContentTypeParser('text/plain')
  app.decorate('dbEngine', deps.dbEngine)

  // External: infrastructure every route relies on.
  await app.register(errorHandler)
  // Headers and compression hook every route, so they come before any route is added.
  await app.register(securityHeaders, { h5Dir: deps.config.h5Dir, hsts: deps.config.http.hsts })
  await app.register(cors, { origins: deps.config.http.corsOrigins })
  await app.register(compress)
  await app.register(swagger)
  await app.register(dbPlugin, { db: deps.db })
  await app.register(rateLimit, { redisUrl: deps.config.redisUrl, nameSpace: deps.config.redisKeyPrefix })
  // App: services built on that infrastructure.
  await app.register(dbProbe, { intervalMs: DB_PROBE_INTERVAL_MS })
  await app.register(orgPlugin, { orgId: deps.orgId })
  await app.register(auth, { secret: deps.config.jwtSecret, ...deps.config.sessions })
  await app.register(wechat, deps.config.wechat)
  await app.register(content, { mode: deps.config.wechat.mode, content: deps.config.content })
  await app.register(media, { media: deps.config.media, jwtSecret: deps.config.jwtSecret })
  await app.register(tmpSweeper, tmpSweeperOptions(deps.config.media))
  await app.register(jobs, { enabled: deps.config.jobs, now: deps.jobsNow, mediaCheckTimeoutMinutes: deps.config.content.mediaCheckTimeoutMinutes, followUp: deps.config.followUp, subscribeRetry: deps.subscribeRetry })
  await app.register(live, { listen: deps.listen, jwtSecret: deps.config.jwtSecret, ...deps.live })
  // Routes.
  await app.register(api, { prefix: '/api' })
  await app.register(staticH5, { h5Dir: deps.config.h5Dir })
  return app
}

/** Local storage writes through `<media>/.tmp`; S3 keeps no temp files of ours. */
function tmpSweeperOptions(media: Config['media']) {
  const dir = media.storage.kind === 'local' ? path.join(media.storage.dir, '.tmp') : null
  return { dir, intervalMs: media.tmpSweepSeconds * 1000, maxAgeMs: 10 * 60_000 }
}
