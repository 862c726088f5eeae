// The officer's unsent case form, saved as they type so closing the app loses nothing.
import Taro from '@tarojs/taro'

const key = (userId: string) => `officer:case-draft:v1:${userId}`

export interface CaseDraftStore<T> {
  load(): T | null
  /** Debounced: many keystrokes, one write. */
  save(value: T): void
  clear(): void
}

export function caseDraftStore<T>(userId: string, delayMs = 400): CaseDraftStore<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  return {
    load() {
      const saved = Taro.getStorageSync<T>(key(userId))
      return saved || null
    },
    save(value) {
      cancel()
      timer = setTimeout(() => {
        timer = undefined
        Taro.setStorage({ key: key(userId), data: value }).catch(() => undefined)
      }, delayMs)
    },
    clear() {
      cancel()
      Taro.removeStorageSync(key(userId))
    }
  }
}
