// The mini-program: WeChat's font size setting (getAppBaseInfo, which WeChat recommends over the
// retiring getSystemInfoSync; both carry fontSizeSetting and fontSizeScaleFactor).
import Taro from '@tarojs/taro'
import { systemWantsLargeFont, type SystemFontInfo } from './font-scale'

function baseInfo(): SystemFontInfo | null {
  try {
    if (typeof Taro.getAppBaseInfo === 'function') return Taro.getAppBaseInfo() as SystemFontInfo
    return Taro.getSystemInfoSync() as SystemFontInfo
  } catch {
    // Not answering is no reason to fail a page: the app's switch still works.
    return null
  }
}

export function systemWantsLarge(): boolean {
  return systemWantsLargeFont(baseInfo())
}
