import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from './errors'

/**
 * A second rate limit for routes that look up a secret, keyed by something other than the route's
 * own limit (the username tried, the client address): a guesser must get past both. Use as a
 * preHandler, where the body is parsed.
 */
export function secretLimit(
  app: FastifyInstance,
  opts: { name: string; max: number; timeWindow: number; key: (request: FastifyRequest) => string }
) {
  const check = app.createRateLimit({ max: opts.max, timeWindow: opts.timeWindow, keyGenerator: (request) => `${opts.name}:${opts.key(request)}` })
  return async (request: FastifyRequest) => {
    const result = await check(request)
    if (!result.isAllowed && result.isExceeded) {
      throw new HttpError(429, 'rate_limited', `尝试次数太多，请 ${Math.max(1, Math.ceil(result.ttlInSeconds / 60))} 分钟后再试`)
    }
  }
}
