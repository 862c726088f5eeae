import Taro from '@tarojs/taro'
import type { UserView } from '@/domain'

const TOKEN_KEY = 'zb.token'
const REFRESH_KEY = 'zb.refresh'
const USER_KEY = 'zb.user'
const CHANGED = 'zb.session.changed'

/** What a sign-in leaves on the device; the refresh token is absent only in old saved sessions. */
export interface SavedSession {
  token: string
  refreshToken?: string
  user: UserView
}

/** The signed-in session, kept in storage so it survives restarts. */
export const session = {
  token(): string | null {
    return Taro.getStorageSync<string>(TOKEN_KEY) || null
  },
  refreshToken(): string | null {
    return Taro.getStorageSync<string>(REFRESH_KEY) || null
  },
  user(): UserView | null {
    return Taro.getStorageSync<UserView>(USER_KEY) || null
  },
  save(s: SavedSession): void {
    Taro.setStorageSync(TOKEN_KEY, s.token)
    if (s.refreshToken) Taro.setStorageSync(REFRESH_KEY, s.refreshToken)
    else Taro.removeStorageSync(REFRESH_KEY)
    Taro.setStorageSync(USER_KEY, s.user)
    Taro.eventCenter.trigger(CHANGED)
  },
  saveUser(user: UserView): void {
    Taro.setStorageSync(USER_KEY, user)
    Taro.eventCenter.trigger(CHANGED)
  },
  clear(): void {
    Taro.removeStorageSync(TOKEN_KEY)
    Taro.removeStorageSync(REFRESH_KEY)
    Taro.removeStorageSync(USER_KEY)
    Taro.eventCenter.trigger(CHANGED)
  },
  /** Calls `fn` after every sign-in, user refresh or sign-out; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    Taro.eventCenter.on(CHANGED, fn)
    return () => Taro.eventCenter.off(CHANGED, fn)
  }
}
