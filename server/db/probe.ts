import { sql } from 'kysely'
import type { Db } from './database'

export type DatabaseState = 'up' | 'down' | 'unknown'

export interface ProbeReport {
  /** 'up': the last probe answered; 'down': it failed; 'unknown': none has finished yet. */
  state: DatabaseState
  /** When the last probe finished (null before the first). */
  checkedAt: Date | null
  /** How long ago that was, at the time of asking. */
  ageMs: number | null
  /** The last probe's round trip, queueing included: a busy database shows here first. */
  latencyMs: number | null
  /** How long the probe now in flight has waited so far (0 when none is). */
  pendingMs: number
  /** Why the last probe failed (a short message, no stack). */
  error: string | null
}

/**
 * The database's health, measured in the background so that answering about it never waits on
 * it: `/api/health` must answer from the event loop even while every connection is busy
 * (PGlite has one; searches queue on it). One `select 1` at a time, every intervalMs; a probe
 * stuck longer than that is not stacked on, and its wait shows as pendingMs.
 */
export function createDatabaseProbe(db: Db, opts: { intervalMs: number; now?: () => number }) {
  const now = opts.now ?? Date.now
  let state: DatabaseState = 'unknown'
  let checkedAt: number | null = null
  let latencyMs: number | null = null
  let error: string | null = null
  let inFlight: { since: number; done: Promise<void> } | null = null
  let timer: NodeJS.Timeout | null = null

  function probe(): Promise<void> {
    if (inFlight) return inFlight.done
    const since = now()
    const done = sql`select 1`
      .execute(db)
      .then(
        () => {
          state = 'up'
          error = null
        },
        (err: unknown) => {
          state = 'down'
          error = err instanceof Error ? err.message.slice(0, 200) : 'unknown error'
        }
      )
      .finally(() => {
        checkedAt = now()
        latencyMs = checkedAt - since
        inFlight = null
      })
    inFlight = { since, done }
    return done
  }

  return {
    probe,
    report(): ProbeReport {
      const t = now()
      return {
        state,
        checkedAt: checkedAt === null ? null : new Date(checkedAt),
        ageMs: checkedAt === null ? null : t - checkedAt,
        latencyMs,
        pendingMs: inFlight ? t - inFlight.since : 0,
        error
      }
    },
    /** Probes now and then every intervalMs, without keeping the process alive. */
    start(): Promise<void> {
      if (!timer) {
        timer = setInterval(() => void probe(), opts.intervalMs)
        timer.unref()
      }
      return probe()
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer)
      timer = null
      await inFlight?.done
    }
  }
}

export type DatabaseProbe = ReturnType<typeof createDatabaseProbe>

/**
 * Ready for traffic: the last probe answered, recently. A probe that has waited longer than
 * staleMs counts against it as well, so a database that stopped answering (no error, just no
 * answer) turns readiness off instead of leaving the last good result standing.
 */
export function isReady(r: ProbeReport, staleMs: number): boolean {
  return r.state === 'up' && r.ageMs !== null && r.ageMs <= staleMs && r.pendingMs <= staleMs
}
