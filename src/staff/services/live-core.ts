// What both live transports share: the subscribers, and dropping repeats (polling may return a
// change twice; a reconnecting stream may too) by keeping the highest version seen per item.
import type { ItemChangedEvent, PresenceEvent } from '@/domain'

export type LiveEvent = { type: 'item-changed'; change: ItemChangedEvent } | { type: 'presence'; presence: PresenceEvent } | { type: 'resync' }
export type LiveListener = (event: LiveEvent) => void

export interface LiveTransport {
  start(emit: (event: LiveEvent) => void): void
  stop(): void
}

/**
 * One transport per page, however many components listen: started with the first listener,
 * stopped with the last.
 */
export function liveHub(makeTransport: () => LiveTransport) {
  const listeners = new Set<LiveListener>()
  const seen = new Map<string, number>()
  let transport: LiveTransport | null = null
  const emit = (e: LiveEvent) => {
    if (e.type === 'item-changed') {
      if ((seen.get(e.change.id) ?? 0) >= e.change.version) return
      seen.set(e.change.id, e.change.version)
    }
    for (const l of [...listeners]) l(e)
  }
  return function subscribeLive(listener: LiveListener): () => void {
    listeners.add(listener)
    if (!transport) {
      transport = makeTransport()
      transport.start(emit)
    }
    return () => {
      listeners.delete(listener)
      if (listeners.size === 0 && transport) {
        transport.stop()
        transport = null
      }
    }
  }
}

/** 1 s, 2 s, 4 s … up to 30 s, with jitter so a restarted server is not hit by every desk at once. */
export const backoffMs = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt) * (0.75 + Math.random() * 0.5)
