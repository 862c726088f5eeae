import fp from 'fastify-plugin'
import type { Db } from '../../db/database'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
  }
}

/** The database is opened and migrated before the app is built; this only exposes it. */
export default fp<{ db: Db }>(async (app, opts) => {
  app.decorate('db', opts.db)
})
