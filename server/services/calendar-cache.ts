import { sql } from 'kysely'
import type { Db, DbOrTx } from '../db/database'
import type { WorkCalendar } from '../../domain/deadlines/calendar'

/** The channel an admin's calendar change is announced on, as JSON `{ orgId }` like the others. */
export const CALENDAR_CHANNEL = 'zb_calendar'

/**
 * Each bureau's working-day calendar, kept per process and per database. Every inbox page and
 * item view reads it, and it changes a few times a year, when an admin enters a year's holidays;
 * reading and building it each time was one statement of the inbox's three (PostgreSQL: about a
 * quarter of the request's own CPU, most of it in the socket write).
 *
 * Only a process that hears the database's notifications keeps one: every change NOTIFYs
 * CALENDAR_CHANNEL at commit, so other server processes drop their copy too, and a lost LISTEN
 * connection drops them all (changes may have been missed). The writing process drops its own
 * at once after commit, so its next answer already counts the new days.
 */
const caches = new WeakMap<Db, Map<string, Promise<WorkCalendar>>>()

export function keepCalendars(db: Db): { onNotify(channel: string, payload: string): void; onReset(): void; stop(): void } {
  const byOrg = new Map<string, Promise<WorkCalendar>>()
  caches.set(db, byOrg)
  return {
    onNotify(channel, payload) {
      if (channel !== CALENDAR_CHANNEL) return
      let orgId: unknown
      try {
        orgId = (JSON.parse(payload) as { orgId?: unknown }).orgId
      } catch {
        orgId = undefined
      }
      // An unreadable announcement still means some calendar changed.
      if (typeof orgId === 'string') byOrg.delete(orgId)
      else byOrg.clear()
    },
    onReset: () => byOrg.clear(),
    stop() {
      byOrg.clear()
      caches.delete(db)
    }
  }
}

/**
 * The cached calendar, or `load` when this process keeps none. Inside a transaction it always
 * loads: the transaction may be the one changing the calendar.
 */
export function cachedCalendar(db: DbOrTx, orgId: string, load: () => Promise<WorkCalendar>): Promise<WorkCalendar> {
  const byOrg = db.isTransaction ? undefined : caches.get(db as Db)
  if (!byOrg) return load()
  let calendar = byOrg.get(orgId)
  if (!calendar) {
    calendar = load()
    byOrg.set(orgId, calendar)
    // A failed read is not kept: the next request tries again.
    calendar.catch(() => byOrg.get(orgId) === calendar && byOrg.delete(orgId))
  }
  return calendar
}

/** Announces a change inside the writing transaction (heard by every process at commit). */
export async function announceCalendarChange(tx: DbOrTx, orgId: string): Promise<void> {
  await sql`SELECT pg_notify(${CALENDAR_CHANNEL}, ${JSON.stringify({ orgId })})`.execute(tx)
}

/** This process's copy, dropped after the writing transaction committed. */
export function forgetCalendar(db: Db, orgId: string): void {
  caches.get(db)?.delete(orgId)
}
