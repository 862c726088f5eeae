import Taro from '@tarojs/taro'
import { systemWantsLarge } from './system-font'

const KEY = 'zb.largeFont'

/**
 * Large-font (适老化) preference. The person's own choice (the home page's 大字模式 switch) is
 * stored on the device and wins; until they choose, the page follows the system's font size
 * (WeChat's 字体大小 in the mini-program, src/services/system-font.*).
 */
export const fontPreference = {
  isLarge(): boolean {
    const chosen = Taro.getStorageSync<boolean | ''>(KEY)
    if (chosen === true || chosen === false) return chosen
    return systemWantsLarge()
  },
  setLarge(large: boolean): void {
    Taro.setStorageSync(KEY, large)
    Taro.eventCenter.trigger(KEY, large)
  },
  /** Calls `fn` whenever the preference changes; returns the unsubscribe function. */
  subscribe(fn: (large: boolean) => void): () => void {
    Taro.eventCenter.on(KEY, fn)
    return () => Taro.eventCenter.off(KEY, fn)
  }
}
