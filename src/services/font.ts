import Taro from '@tarojs/taro'

const KEY = 'zb.largeFont'

/** Large-font (适老化) preference, stored on the device. */
export const fontPreference = {
  isLarge(): boolean {
    return Taro.getStorageSync<boolean>(KEY) === true
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
