import fp from 'fastify-plugin'
import type { ListenFn } from '../../db/connect'
import { LiveHub } from '../../live/hub'
import { ticketKey } from '../../live/ticket'
import { sweepExpired } from '../../services/presence'
import { keepCalendars } from '../../services/calendar-cache'

export interface LiveOptions {
  /** The database's notifications (connect.ts); absent: no feed (a warning says so). */
  listen?: ListenFn
  jwtSecret: string
  /** The clock of presence and tickets (tests move it instead of sleeping). */
  now?: () => Date
  heartbeatMs?: number
  sweepMs?: number
}

export interface Live {
  hub: LiveHub
  ticketKey: Buffer
  now: () => Date
  /** Comment lines on each open stream this often, so proxies keep it open. */
  heartbeatMs: number
  /** Removes and announces presences that ran out (also every sweepMs). */
  sweep(): Promise<number>
}

declare module 'fastify' {
  interface FastifyInstance {
    live: Live
  }
}

/**
 * Live updates for this process: it LISTENs to the database (PostgreSQL: one connection of its
 * own; PGlite: its thread's listeners), hands notifications to its open SSE streams, and sweeps
 * expired presence. Streams end before the server closes, so close never waits on them.
 */
export default fp<LiveOptions>(async (app, opts) => {
  const now = opts.now ?? (() => new Date())
  const hub = new LiveHub(app.db, now, (msg) => app.log.warn(msg))
  let running: Promise<unknown> = Promise.resolve()
  const sweep = () => {
    const run = running.then(() => sweepExpired(app.db, now()))
    running = run.catch((err) => app.log.warn({ err }, 'presence sweep failed'))
    return run
  }
  app.decorate('live', { hub, ticketKey: ticketKey(opts.jwtSecret), now, heartbeatMs: opts.heartbeatMs ?? 20_000, sweep })

  let unlisten: (() => Promise<void>) | null = null
  // The same notifications tell this process when to drop its copy of a bureau's calendar; a
  // process that hears none keeps no copy.
  let calendars: ReturnType<typeof keepCalendars> | null = null
  if (opts.listen) {
    unlisten = await opts.listen(
      (channel, payload) => {
        calendars?.onNotify(channel, payload)
        hub.onNotify(channel, payload)
      },
      () => {
        calendars?.onReset()
        hub.onReset()
      }
    )
    // Only once listening: a copy kept before then could miss a change.
    calendars = keepCalendars(app.db)
  } else app.log.warn('live updates: no database notifications given, streams carry heartbeats only')

  let timer: NodeJS.Timeout | null = null
  app.addHook('onReady', async () => {
    timer = setInterval(() => void sweep().catch(() => undefined), opts.sweepMs ?? 10_000)
    timer.unref()
  })
  app.addHook('preClose', async () => {
    hub.closeAll()
  })
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer)
    await running
    await unlisten?.()
    calendars?.stop()
  })
})
