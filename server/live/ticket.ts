import crypto from 'node:crypto'
import { isCanonicalUuid } from '../../domain/schemas/formats'

/**
 * The SSE ticket. An EventSource cannot send an Authorization header, and an access token in a
 * URL would end up in logs and history for 15 minutes; so the app trades its token for this:
 * short-lived (LIVE_TICKET_TTL_SECONDS), bound to the user and the sign-in it came from (the
 * stream re-checks that session), and signed with a key of its own derived from the JWT secret,
 * so a ticket is never accepted as an access token nor the other way round.
 * Format: base64url(JSON [userId, sessionId, orgId, expiresEpochSeconds]) "." base64url(HMAC-SHA256).
 */
export interface TicketClaims {
  userId: string
  sessionId: string
  orgId: string
}

export function ticketKey(jwtSecret: string): Buffer {
  return crypto.createHmac('sha256', jwtSecret).update('zhibao:sse-ticket:v1').digest()
}

const mac = (key: Buffer, body: string) => crypto.createHmac('sha256', key).update(body).digest('base64url')

export function signTicket(key: Buffer, claims: TicketClaims, now: Date, ttlSeconds: number): string {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds
  const body = Buffer.from(JSON.stringify([claims.userId, claims.sessionId, claims.orgId, exp])).toString('base64url')
  return `${body}.${mac(key, body)}`
}

/** The claims of a genuine, unexpired ticket; null for anything else. */
export function verifyTicket(key: Buffer, ticket: string, now: Date): TicketClaims | null {
  const dot = ticket.indexOf('.')
  if (dot <= 0) return null
  const body = ticket.slice(0, dot)
  const given = Buffer.from(ticket.slice(dot + 1))
  const expected = Buffer.from(mac(key, body))
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return null
  const [userId, sessionId, orgId, exp] = parsed
  if (![userId, sessionId, orgId].every((v) => typeof v === 'string' && isCanonicalUuid(v))) return null
  if (typeof exp !== 'number' || !Number.isInteger(exp) || exp * 1000 <= now.getTime()) return null
  return { userId, sessionId, orgId }
}
