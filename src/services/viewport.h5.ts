// The browser: the same breakpoint as the CSS media queries, so layout and behaviour agree.
export const DESK_MIN_WIDTH = 1024
const QUERY = `(min-width: ${DESK_MIN_WIDTH}px)`

const media = (): MediaQueryList | null => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(QUERY) : null)

export function isWide(): boolean {
  return media()?.matches ?? false
}

export function subscribeWide(fn: (wide: boolean) => void): () => void {
  const m = media()
  if (!m) return () => undefined
  const listener = (e: MediaQueryListEvent) => fn(e.matches)
  m.addEventListener('change', listener)
  return () => m.removeEventListener('change', listener)
}
