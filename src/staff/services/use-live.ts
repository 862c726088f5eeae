// The desk's live hooks, the same on both platforms (the transport underneath differs: live.h5.ts
// streams, live.weapp.ts polls).
import { useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { PRESENCE_HEARTBEAT_SECONDS, type PresenceView, type Viewer } from '@/domain'
import { ApiError, request } from '@/services/api'
import { session } from '@/services/session'
import { subscribeLive, type LiveEvent } from './live'

export type { LiveEvent } from './live'

/** Calls `onChange` for every live event while the page is shown (no polling from a hidden page). */
export function useLiveChanges(onChange: (event: LiveEvent) => void): void {
  const latest = useRef(onChange)
  latest.current = onChange
  const off = useRef<(() => void) | null>(null)
  const listen = () => {
    if (!off.current) off.current = subscribeLive((e) => latest.current(e))
  }
  const stop = () => {
    off.current?.()
    off.current = null
  }
  useEffect(() => {
    listen()
    return stop
  }, [])
  useDidShow(listen)
  useDidHide(stop)
}

/**
 * Says "I have this item open" while the component shows it (a heartbeat every
 * PRESENCE_HEARTBEAT_SECONDS; the server forgets a presence after PRESENCE_TTL_SECONDS without
 * one, so a closed tab clears itself) and leaves on unmount or another item. Answers the
 * colleagues who have it open, kept current by the heartbeat's answers and `presence` events.
 */
export function usePresence(itemId: string | null): Viewer[] {
  const [viewers, setViewers] = useState<Viewer[]>([])
  useEffect(() => {
    setViewers([])
    if (!itemId) return
    let alive = true
    let timer: ReturnType<typeof setInterval> | null = null
    const url = `/api/items/${encodeURIComponent(itemId)}/presence`
    // `data: {}`: requests go out as JSON, and an empty JSON body is a 400.
    const beat = async () => {
      try {
        const res = await request<PresenceView>(url, { method: 'PUT', data: {}, retry: false })
        if (alive) setViewers(res.viewers)
      } catch (e) {
        // Not for this role (reviewers read only) or the item is gone: stop asking.
        if (e instanceof ApiError && (e.status === 403 || e.status === 404) && timer) clearInterval(timer)
      }
    }
    void beat()
    timer = setInterval(() => void beat(), PRESENCE_HEARTBEAT_SECONDS * 1000)
    return () => {
      alive = false
      if (timer) clearInterval(timer)
      void request(url, { method: 'DELETE', data: {}, retry: false }).catch(() => undefined)
    }
  }, [itemId])
  useLiveChanges((e) => {
    if (e.type !== 'presence' || e.presence.itemId !== itemId) return
    const me = session.user()?.id
    setViewers(e.presence.viewers.filter((v) => v.id !== me))
  })
  return viewers
}
