import type { Db } from '../db/database'
import type { ItemChangedEvent, PresenceEvent } from '../../domain/schemas/live'
import { LIVE_EVENTS } from '../../domain/schemas/live'
import { isCanonicalUuid } from '../../domain/schemas/formats'
import { viewersOf } from '../services/presence'

export interface LiveSubscriber {
  orgId: string
  send(event: string, data: unknown): void
  /** Ends the stream (server shutting down). */
  close(): void
}

const isUuid = (v: unknown): v is string => typeof v === 'string' && isCanonicalUuid(v)

/**
 * This process's share of the change feed: the database's notifications (every process LISTENs
 * for itself) go to this process's open streams, each only for its own bureau.
 */
export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>()

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly warn: (msg: string) => void
  ) {}

  get size(): number {
    return this.subscribers.size
  }

  subscribe(s: LiveSubscriber): () => void {
    this.subscribers.add(s)
    return () => void this.subscribers.delete(s)
  }

  private send(orgId: string, event: string, data: unknown): void {
    for (const s of this.subscribers) if (s.orgId === orgId) s.send(event, data)
  }

  private hasOrg(orgId: string): boolean {
    for (const s of this.subscribers) if (s.orgId === orgId) return true
    return false
  }

  /** One NOTIFY from the database (trigger or presence service), as JSON text. */
  readonly onNotify = (channel: string, payload: string): void => {
    let p: Record<string, unknown>
    try {
      p = JSON.parse(payload)
    } catch {
      return this.warn(`live: unreadable ${channel} payload`)
    }
    if (!p || !isUuid(p.orgId) || !this.hasOrg(p.orgId)) return
    if (channel === 'zb_item_change') {
      if (p.resync === true) return this.send(p.orgId, LIVE_EVENTS.resync, {})
      if (!isUuid(p.id) || typeof p.version !== 'number' || typeof p.status !== 'string' || typeof p.kind !== 'string') return
      const event = { id: p.id, version: p.version, status: p.status, kind: p.kind } as ItemChangedEvent
      return this.send(p.orgId, LIVE_EVENTS.itemChanged, event)
    }
    if (channel === 'zb_presence' && isUuid(p.itemId)) {
      const orgId = p.orgId
      const itemId = p.itemId
      viewersOf(this.db, orgId, itemId, this.now()).then(
        (viewers) => this.send(orgId, LIVE_EVENTS.presence, { itemId, viewers } satisfies PresenceEvent),
        (err) => this.warn(`live: presence lookup failed: ${err instanceof Error ? err.message : String(err)}`)
      )
    }
  }

  /** Notifications may have been lost (the LISTEN connection came back): every view reloads. */
  readonly onReset = (): void => {
    for (const s of this.subscribers) s.send(LIVE_EVENTS.resync, {})
  }

  closeAll(): void {
    for (const s of [...this.subscribers]) s.close()
    this.subscribers.clear()
  }
}
