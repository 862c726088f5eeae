import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ApiError, canRetry } from '@/services/api'

export interface Loaded<T> {
  data: T
  loading: boolean
  /** The server's Chinese message, or a generic one; null when the last load worked. */
  error: string | null
  /** Whether the last failure could go away on its own (so a 重试 makes sense): not after a 403 or 404. */
  retryable: boolean
  reload: () => Promise<void>
  /** Replaces what is shown, e.g. with the server's answer to an action on it. */
  setData: (data: T) => void
}

/** Thrown by a `fetch` whose failure has its own words (找不到这条事例): shown as they are. */
export class LoadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LoadError'
  }
}

/**
 * Loads what a page shows, on mount and on pull-to-refresh (the page config needs
 * `enablePullDownRefresh: true`). `fetch` must be stable (useCallback) or it reloads every render.
 */
export function useLoaded<T>(fetch: () => Promise<T>, initial: T): Loaded<T> {
  const [data, setData] = useState<T>(initial)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [retryable, setRetryable] = useState(true)

  const reload = useCallback(async () => {
    setLoading(true)
    setError(null)
    try {
      setData(await fetch())
    } catch (e) {
      setError(e instanceof ApiError || e instanceof LoadError ? e.message : '加载失败')
      setRetryable(!(e instanceof LoadError) && canRetry(e))
    } finally {
      setLoading(false)
    }
  }, [fetch])

  useEffect(() => {
    void reload()
  }, [reload])
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  return { data, loading, error, retryable, reload, setData }
}
