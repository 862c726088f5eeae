// Keeps the browser's Back inside the desk (H5). Taro picks back-guard.h5.ts in the browser; the
// mini-program's back button is WeChat's own, so here there is nothing to guard.

/** While installed, Back on the desk's first page stays on it; returns the uninstall function. */
export function guardBack(): () => void {
  return () => undefined
}
