// What changed in the citizen's messages since they last opened 我的留言: the home page says
// "2 条留言有新进展". Kept on the device (per user), read in the main package: small on purpose.
import Taro from '@tarojs/taro'

const key = (userId: string) => `progress-seen:v1:${userId}`

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
