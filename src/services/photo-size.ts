// Not through the barrel: the outbox (main package) compresses photos.
import { CLIENT_PHOTO_LONG_SIDE } from '../../domain/media'

/** Scales (width, height) down so the long side is at most `longSide`; never scales up. */
export function fitLongSide(width: number, height: number, longSide: number = CLIENT_PHOTO_LONG_SIDE) {
  const long = Math.max(width, height)
  if (long <= longSide || long <= 0) return { width, height, scaled: false }
  const ratio = longSide / long
  return { width: Math.max(1, Math.round(width * ratio)), height: Math.max(1, Math.round(height * ratio)), scaled: true }
}
