import { Type, type Static } from 'typebox'
import { CursorSchema } from './formats'
import { Id } from './common'
import { ItemKind, ItemStatusSchema } from './item'

export { PRESENCE_TTL_SECONDS, PRESENCE_HEARTBEAT_SECONDS, LIVE_TICKET_TTL_SECONDS, LIVE_CHANGES_MAX, LIVE_EVENTS } from '../live'

/** What a change of an item says: enough to tell whether a shown row is stale, nothing more. */
export const ItemChangedEvent = Type.Object({ id: Id, version: Type.Integer(), status: ItemStatusSchema, kind: ItemKind })
export type ItemChangedEvent = Static<typeof ItemChangedEvent>

export const Viewer = Type.Object({ id: Id, name: Type.String() })
export type Viewer = Static<typeof Viewer>
/** PUT answer: who else has the item open now (not the caller). */
export const PresenceView = Type.Object({ viewers: Type.Array(Viewer) })
export type PresenceView = Static<typeof PresenceView>
/** SSE `presence`: everyone who has the item open (the app leaves itself out). */
export const PresenceEvent = Type.Object({ itemId: Id, viewers: Type.Array(Viewer) })
export type PresenceEvent = Static<typeof PresenceEvent>

export const LiveTicket = Type.Object({ ticket: Type.String() })
// base64url payload . base64url HMAC-SHA256 (server/live/ticket.ts)
export const LiveEventsQuery = Type.Object(
  { ticket: Type.String({ minLength: 20, maxLength: 400, pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$', title: '实时更新凭证' }) },
  { additionalProperties: false }
)
export type LiveEventsQuery = Static<typeof LiveEventsQuery>

export const LiveChangesQuery = Type.Object({ since: Type.Optional(CursorSchema) }, { additionalProperties: false })
export type LiveChangesQuery = Static<typeof LiveChangesQuery>
export const LiveChanges = Type.Object({
  changes: Type.Array(ItemChangedEvent),
  /** Pass as `since` next time; without `since`, the answer is empty and starts from now. */
  cursor: Type.String()
})
export type LiveChanges = Static<typeof LiveChanges>
