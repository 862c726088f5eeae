import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { ProgressView } from '@/domain'
import { request } from '@/services/api'
import { lastSeen } from '@/services/progress-seen'

/**
 * How many of the user's messages moved since they last opened 我的留言; read when the user is
 * known and each time the home page shows again (back from 我的留言 or a subscribe message).
 */
export function useProgressCount(userId: string | null): number {
  const [count, setCount] = useState(0)
  const refresh = useCallback(() => {
    const since = userId ? lastSeen(userId) : null
    if (!since) return setCount(0)
    // Counted by the server: the list itself is a citizen-page call, kept out of the main package.
    request<ProgressView>('/api/messages/progress', { query: { since } }).then(
      (r) => setCount(r.changed),
      () => setCount(0)
    )
  }, [userId])
  useEffect(refresh, [refresh])
  useDidShow(refresh)
  return count
}
