// When WeChat's own font size (设置 → 通用 → 字体大小) asks for 大字模式. WeChat's 小程序适老化设计指南
// (developers.weixin.qq.com/miniprogram/design/elderly.html) gives fontSizeSetting in px and
// fontSizeScaleFactor = fontSizeSetting / standard (17 px on iOS, 16 px on Android). Its +1 step
// (18–18.5 px on iOS, a factor of about 1.1) our normal text already serves; from +2 (19.5 px on a
// 375-px iPhone, factor 1.15) up to 关怀模式 (23.8 px) the page switches to large.
export const LARGE_FONT_SCALE = 1.14

export interface SystemFontInfo {
  fontSizeSetting?: number
  fontSizeScaleFactor?: number
}

/** Pure, so a unit test can walk WeChat's table; src/services/system-font.weapp.ts asks WeChat. */
export function systemWantsLargeFont(info: SystemFontInfo | null | undefined): boolean {
  if (!info) return false
  const { fontSizeScaleFactor, fontSizeSetting } = info
  if (typeof fontSizeScaleFactor === 'number' && Number.isFinite(fontSizeScaleFactor) && fontSizeScaleFactor > 0) {
    return fontSizeScaleFactor >= LARGE_FONT_SCALE
  }
  // Older base libraries give only the size: against iOS's 17-px standard.
  if (typeof fontSizeSetting === 'number' && Number.isFinite(fontSizeSetting)) return fontSizeSetting / 17 >= LARGE_FONT_SCALE
  return false
}
