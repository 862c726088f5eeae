import crypto from 'node:crypto'

/** How far a push's timestamp may be from our clock: an old signed request replayed is refused. */
export const PUSH_MAX_SKEW_SECONDS = 300

/**
 * WeChat's message-push signature (消息推送, plaintext mode): sha1 of the callback token, the
 * timestamp and the nonce, sorted as strings and joined. Compared in constant time.
 */
export function verifyPushSignature(token: string, q: { signature?: string; timestamp?: string; nonce?: string }, now = Date.now()): 'ok' | 'bad_signature' | 'stale' {
  if (!q.signature || !q.timestamp || !q.nonce || !/^[0-9a-f]{40}$/.test(q.signature) || !/^\d{1,12}$/.test(q.timestamp)) return 'bad_signature'
  const expected = crypto.createHash('sha1').update([token, q.timestamp, q.nonce].sort().join('')).digest()
  if (!crypto.timingSafeEqual(expected, Buffer.from(q.signature, 'hex'))) return 'bad_signature'
  if (Math.abs(now / 1000 - Number(q.timestamp)) > PUSH_MAX_SKEW_SECONDS) return 'stale'
  return 'ok'
}
