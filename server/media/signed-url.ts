import { createHmac, timingSafeEqual } from 'node:crypto'
import type { MediaVariant } from './storage'

export interface MediaUrlTarget {
  /** The media row's id (uuid or similar URL-safe id). */
  id: string
  variant: MediaVariant
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'malformed' | 'expired' | 'bad_signature' }

const ID = /^[A-Za-z0-9_-]{1,128}$/
const VARIANTS: readonly MediaVariant[] = ['full', 'thumb']
const MIN_SECRET_BYTES = 32

/**
 * `/api/media/<id>/<variant>?exp=<unix seconds>&sig=<base64url HMAC-SHA256>`: a link
 * that works without a session (for `<image src>` in the mini-program) until `expiresAt`.
 */
export function signMediaUrl(target: MediaUrlTarget, expiresAt: Date, secret: string | Buffer): string {
  if (!ID.test(target.id) || !VARIANTS.includes(target.variant)) throw new Error('invalid media id or variant')
  const exp = Math.floor(expiresAt.getTime() / 1000)
  const sig = mac(target.id, target.variant, exp, secret).toString('base64url')
  return `/api/media/${target.id}/${target.variant}?exp=${exp}&sig=${sig}`
}

/**
 * Checks the `exp` and `sig` query values of a request for `<id>/<variant>`. The MAC is
 * compared in constant time; a route should answer 403 for any failure.
 */
export function verifyMediaSignature(
  request: MediaUrlTarget & { exp: unknown; sig: unknown },
  secret: string | Buffer,
  now: Date = new Date()
): SignatureCheck {
  const { id, variant, exp, sig } = request
  if (!ID.test(id) || !VARIANTS.includes(variant)) return { ok: false, reason: 'malformed' }
  if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp)) return { ok: false, reason: 'malformed' }
  if (typeof sig !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return { ok: false, reason: 'malformed' }
  const expected = mac(id, variant, Number(exp), secret)
  const given = Buffer.from(sig, 'base64url')
  // Check the MAC before the expiry so that the answer does not tell a forger whether
  // a made-up exp is in the past.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' }
  if (Number(exp) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true }
}

function mac(id: string, variant: string, exp: number, secret: string | Buffer): Buffer {
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) throw new Error(`media URL secret must be at least ${MIN_SECRET_BYTES} bytes`)
  // Newline-separated fields cannot run into each other: none may contain a newline.
  return createHmac('sha256', secret).update(`media-url\n${id}\n${variant}\n${exp}`).digest()
}
