import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from './errors'

/** One limit: at most `max` requests per `timeWindow` milliseconds. */
export interface Limit {
  max: number
  timeWindow: number
}

/** A named pair of limits: per signed-in user and per client address. */
export interface RouteLimits {
  name: string
  /** Absent for routes used without signing in (tracking lookups): the address is all there is. */
  perUser?: Limit
  perIp: Limit
}

const MINUTE = 60_000

/**
 * Abuse limits of the citizen-facing routes (issue 8), defined once. Per user, so one account
 * cannot flood the desk; per address too, so many throwaway accounts on one machine cannot
 * either, though generously, because a whole village office or a mobile carrier's NAT shares one
 * address. Attach with `limitPerUserAndIp(app, rateLimits.x)` as a preHandler (after the token
 * check has named the user). On Redis when REDIS_URL is set, so every server process counts
 * together (server/plugins/external/rate-limit.ts).
 */
export const rateLimits = {
  messageCreate: { name: 'message-create', perUser: { max: 30, timeWindow: MINUTE }, perIp: { max: 120, timeWindow: MINUTE } },
  /** An officer's outbox may send several cases of nine photos at once when the network is back. */
  mediaUpload: { name: 'media-upload', perUser: { max: 60, timeWindow: MINUTE }, perIp: { max: 300, timeWindow: MINUTE } },
  /**
   * GET /api/track/:code (no login): enough for a family checking a few codes, far too few to
   * walk the 31^8 code space.
   */
  track: { name: 'track', perIp: { max: 10, timeWindow: MINUTE } },
  /** Logins keep their own per-address route limit and, for passwords, a per-username one (routes/api/auth.ts). */
  login: { name: 'login', perIp: { max: 20, timeWindow: MINUTE } }
} as const satisfies Record<string, RouteLimits>

/** 429 with when to try again: Retry-After in seconds, and the same in the Chinese message. */
export function tooManyRequests(reply: FastifyReply, retryAfterSeconds: number): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds))
  reply.header('retry-after', String(seconds))
  return new HttpError(429, 'rate_limited', `操作太频繁，请 ${seconds} 秒后再试`)
}

/** A preHandler enforcing both limits of `limits`; the first one exceeded answers. */
export function limitPerUserAndIp(app: FastifyInstance, limits: RouteLimits) {
  const checks: { key: (request: FastifyRequest) => string | null; check: ReturnType<FastifyInstance['createRateLimit']> }[] = []
  const add = (scope: 'user' | 'ip', limit: Limit, key: (request: FastifyRequest) => string | null) =>
    checks.push({ key, check: app.createRateLimit({ max: limit.max, timeWindow: limit.timeWindow, keyGenerator: (request) => `${limits.name}:${scope}:${key(request)}` }) })
  if (limits.perUser) add('user', limits.perUser, (request) => request.currentUser?.id ?? null)
  add('ip', limits.perIp, (request) => request.ip)
  return async (request: FastifyRequest, reply: FastifyReply) => {
    for (const { key, check } of checks) {
      if (key(request) === null) continue
      const result = await check(request)
      if (!result.isAllowed && result.isExceeded) throw tooManyRequests(reply, result.ttlInSeconds)
    }
  }
}
