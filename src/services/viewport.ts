// Whether the window is wide enough for the desk layout (sidebar, list and detail side by side).
// Taro picks viewport.h5.ts in the browser; this default (the mini-program, any phone app) is
// always one column, so a tap on a row opens the item's own page.

/** Keep in step with `$zb-desk-min` (src/styles/variables.scss) and config/h5-root-font.ts. */
export const DESK_MIN_WIDTH = 1024

export function isWide(): boolean {
  return false
}

/** Calls `fn` when the answer changes; returns the unsubscribe function. */
export function subscribeWide(_fn: (wide: boolean) => void): () => void {
  return () => undefined
}
