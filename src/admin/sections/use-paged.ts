import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, canRetry } from '@/services/api'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface Paged<T> {
  items: T[]
  /** Replaces one shown row, e.g. with the server's answer to a change made on it. */
  replace: (item: T, same: (a: T, b: T) => boolean) => void
  /** The first page is on its way (after a change of filter too). */
  loading: boolean
  /** The first page failed: the server's words, or a generic one. */
  error: string | null
  retryable: boolean
  reload: () => Promise<void>
  hasMore: boolean
  loadingMore: boolean
  /** The next page failed; what is shown stays. */
  moreError: { message: string; restart: boolean } | null
  loadMore: () => Promise<void>
}

const messageOf = (e: unknown) => (e instanceof ApiError && e.message ? e.message : '加载失败，请检查网络后重试')

/**
 * A keyset-paged list: the first page whenever `fetchPage` changes (a new filter: make it with
 * useCallback on the filter), further pages on request. An answer to an older filter, arriving
 * after a newer one was asked, is dropped, so tapping two chips quickly never shows the first
 * chip's list under the second. A next page the server refuses (400: its cursor no longer fits)
 * asks for a restart from the first page instead of a retry that cannot help.
 */
export function usePaged<T>(fetchPage: (cursor?: string) => Promise<Page<T>>): Paged<T> {
  const [items, setItems] = useState<T[]>([])
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [retryable, setRetryable] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<Paged<T>['moreError']>(null)
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setLoading(true)
    setError(null)
    setMoreError(null)
    setLoadingMore(false)
    setItems([])
    setNextCursor(null)
    try {
      const page = await fetchPage()
      if (mine !== generation.current) return
      setItems(page.items)
      setNextCursor(page.nextCursor)
    } catch (e) {
      if (mine !== generation.current) return
      setError(messageOf(e))
      setRetryable(canRetry(e))
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [fetchPage])

  useEffect(() => {
    void reload()
  }, [reload])

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return
    const mine = generation.current
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await fetchPage(nextCursor)
      if (mine !== generation.current) return
      setItems((shown) => [...shown, ...page.items])
      setNextCursor(page.nextCursor)
    } catch (e) {
      if (mine !== generation.current) return
      setMoreError({ message: messageOf(e), restart: e instanceof ApiError && e.status === 400 })
    } finally {
      if (mine === generation.current) setLoadingMore(false)
    }
  }, [fetchPage, nextCursor, loadingMore])

  const replace = useCallback((item: T, same: (a: T, b: T) => boolean) => setItems((shown) => shown.map((x) => (same(x, item) ? item : x))), [])

  return { items, replace, loading, error, retryable, reload, hasMore: Boolean(nextCursor), loadingMore, moreError, loadMore }
}
