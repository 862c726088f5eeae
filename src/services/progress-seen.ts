// What changed in the citizen's messages since they last opened 我的留言: the home page says
// "2 条留言有新进展". Kept on the device (per user), read in the main package: small on purpose.
import Taro from '@tarojs/taro'

const key = (userId: string) => `progress-seen:v1:${userId}`

export interface ProgressMessage {
  timeline: readonly { at: string }[]
}

/** When the user last looked at their messages (ISO time), or null before the first time. */
export function lastSeen(userId: string): string | null {
  try {
    const v = Taro.getStorageSync(key(userId)) as unknown
    return typeof v === 'string' && v ? v : null
  } catch {
    return null
  }
}

export function markSeen(userId: string, at: Date = new Date()): void {
  try {
    Taro.setStorageSync(key(userId), at.toISOString())
  } catch {
    // Storage full or unavailable: the count simply stays.
  }
}

/** Messages with a public step after `since`; none before the first visit (nothing to compare). */
export function changedSince(messages: readonly ProgressMessage[], since: string | null): number {
  if (!since) return 0
  const t = Date.parse(since)
  return messages.filter((m) => m.timeline.some((e) => Date.parse(e.at) > t)).length
}
