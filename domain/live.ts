// Live updates and presence: the numbers and names app and server share (no schema library, so
// the app can import them; the schemas are in schemas/live.ts).
export type { ItemChangedEvent, PresenceEvent, PresenceView, Viewer, LiveChanges, LiveTicket } from './schemas/live'

/** How long a presence lasts without a heartbeat; the app beats at a third of it. */
export const PRESENCE_TTL_SECONDS = 30
export const PRESENCE_HEARTBEAT_SECONDS = 10
/** How long an SSE ticket works; the EventSource connects right after fetching it. */
export const LIVE_TICKET_TTL_SECONDS = 60
/** At most this many changes per poll; the cursor then continues where the page stopped. */
export const LIVE_CHANGES_MAX = 100
/** The mini-program polls this often while a desk page is shown. */
export const LIVE_POLL_SECONDS = 15

/** SSE event names (the `event:` field). `resync`: too much changed at once, reload the list. */
export const LIVE_EVENTS = { itemChanged: 'item-changed', presence: 'presence', resync: 'resync' } as const
