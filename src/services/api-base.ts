/**
 * The server's origin: '' on H5 (same origin), a full URL in the mini-program, where a path
 * alone is not loadable. Set at build time (config/index.ts, TARO_APP_API_BASE).
 */
export const API_BASE = process.env.TARO_APP_API_BASE ?? ''

/**
 * A URL the server returned (signed photo links are paths such as `/api/media/…`), made loadable
 * by `<Image src>` and `Taro.previewImage` on every platform. Absolute URLs pass through.
 */
export function absoluteUrl(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${API_BASE}${url}`
}
