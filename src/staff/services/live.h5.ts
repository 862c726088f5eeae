// H5: server-sent events. An EventSource sends no Authorization header, so each connection
// first trades the token for a short-lived ticket (POST /api/inbox/events/ticket). On an error
// the stream is closed and reopened with a fresh ticket after a backoff, and the page is told to
// reload (`resync`), since changes made meanwhile were not heard. Same interface as live.weapp.ts.
import { LIVE_EVENTS, type ItemChangedEvent, type PresenceEvent } from '@/domain'
import { request } from '@/services/api'
import { API_BASE } from '@/services/api-base'
import { backoffMs, liveHub, type LiveEvent, type LiveTransport } from './live-core'

export type { LiveEvent } from './live-core'

// The request goes out as JSON, and the server refuses an empty JSON body (400): send an empty object.
const EMPTY_BODY = {}

function sseTransport(): LiveTransport {
  let source: EventSource | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false
  let attempt = 0
  let emit: (e: LiveEvent) => void = () => undefined

  const parse = <T>(e: Event): T | null => {
    try {
      return JSON.parse((e as MessageEvent<string>).data) as T
    } catch {
      return null
    }
  }
  const retry = () => {
    if (stopped || timer) return
    timer = setTimeout(() => {
      timer = null
      void open(true)
    }, backoffMs(attempt++))
  }
  const open = async (again: boolean) => {
    // A browser without EventSource (very old, or a test's DOM): the desk works, just not live.
    if (stopped || typeof EventSource === 'undefined') return
    let ticket: string
    try {
      ticket = (await request<{ ticket: string }>('/api/inbox/events/ticket', { method: 'POST', data: EMPTY_BODY })).ticket
    } catch {
      return retry()
    }
    if (stopped) return
    const es = new EventSource(`${API_BASE}/api/inbox/events?ticket=${encodeURIComponent(ticket)}`)
    source = es
    es.onopen = () => {
      attempt = 0
      if (again) emit({ type: 'resync' })
    }
    es.addEventListener(LIVE_EVENTS.itemChanged, (e) => {
      const change = parse<ItemChangedEvent>(e)
      if (change) emit({ type: 'item-changed', change })
    })
    es.addEventListener(LIVE_EVENTS.presence, (e) => {
      const presence = parse<PresenceEvent>(e)
      if (presence) emit({ type: 'presence', presence })
    })
    es.addEventListener(LIVE_EVENTS.resync, () => emit({ type: 'resync' }))
    // The browser would retry with the same (soon expired) ticket: we reconnect ourselves.
    es.onerror = () => {
      es.close()
      if (source === es) source = null
      retry()
    }
  }
  return {
    start(e) {
      emit = e
      void open(false)
    },
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      source?.close()
      source = null
    }
  }
}

export const subscribeLive = liveHub(sseTransport)
