// Mini-program: no EventSource, so it polls GET /api/inbox/changes with the cursor the last
// answer gave, every LIVE_POLL_SECONDS while someone listens (useLiveChanges listens only while
// the page is shown). Same interface as live.h5.ts.
import { LIVE_POLL_SECONDS, type LiveChanges } from '@/domain'
import { ApiError, request } from '@/services/api'
import { liveHub, type LiveEvent, type LiveTransport } from './live-core'

export type { LiveEvent } from './live-core'

function pollingTransport(): LiveTransport {
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false
  let cursor: string | null = null
  let emit: (e: LiveEvent) => void = () => undefined

  const poll = async () => {
    try {
      const res: LiveChanges = await request<LiveChanges>('/api/inbox/changes', { query: cursor ? { since: cursor } : {} })
      if (stopped) return
      // The first answer only sets the starting point.
      cursor = res.cursor
      for (const change of res.changes) emit({ type: 'item-changed', change })
    } catch (e) {
      // Stopped while this poll was out: its answer is no one's (a page shown again polls anew).
      if (stopped) return
      // A cursor the server no longer takes: start again from now, and reload to be sure.
      if (e instanceof ApiError && e.status === 400) {
        cursor = null
        emit({ type: 'resync' })
      }
      // Otherwise (offline, server away) the next tick tries again.
    }
    if (!stopped) timer = setTimeout(() => void poll(), LIVE_POLL_SECONDS * 1000)
  }
  return {
    start(e) {
      emit = e
      void poll()
    },
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
    }
  }
}

export const subscribeLive = liveHub(pollingTransport)
