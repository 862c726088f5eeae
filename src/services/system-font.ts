// Whether the system's font size asks for 大字模式. Taro picks system-font.weapp.ts in the
// mini-program; this default (H5) has no such setting to read (the browser's own zoom already
// scales the page), so the app's switch alone decides.

export function systemWantsLarge(): boolean {
  return false
}
