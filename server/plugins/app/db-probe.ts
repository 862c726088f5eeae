import fp from 'fastify-plugin'
import { createDatabaseProbe, type DatabaseProbe } from '../../db/probe'

declare module 'fastify' {
  interface FastifyInstance {
    /** The database's health from the last background probe (server/db/probe.ts). */
    dbProbe: DatabaseProbe
  }
}

export interface DbProbeOptions {
  intervalMs: number
}

/**
 * Probes the database once before the app is ready (so the first health answer knows) and then
 * every intervalMs; stops on close, waiting for the probe in flight so no query outlives the app.
 */
export default fp<DbProbeOptions>(async (app, opts) => {
  const probe = createDatabaseProbe(app.db, { intervalMs: opts.intervalMs })
  app.decorate('dbProbe', probe)
  app.addHook('onReady', () => probe.start())
  app.addHook('onClose', () => probe.stop())
})
