import fp from 'fastify-plugin'
import rateLimit from '@fastify/rate-limit'
import Redis from 'ioredis'

export interface RateLimitOptions {
  /** redis://…: counters shared by every server process; null: in this process's memory. */
  redisUrl?: string | null
  /** Key prefix on Redis (tests give each run its own). */
  nameSpace?: string
}

/**
 * Off by default; routes opt in with `config.rateLimit` or `limitPerUserAndIp` (http/rate-limits.ts).
 * With REDIS_URL the counters live on Redis, so several server processes behind a balancer
 * enforce one limit together. Redis unreachable: requests pass (skipOnError) and the log says so,
 * rather than the whole service answering 500 because a counter is away.
 */
export default fp<RateLimitOptions>(async (app, opts) => {
  const redis = opts.redisUrl
    ? new Redis(opts.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false })
    : null
  if (redis) {
    redis.on('error', (err) => app.log.warn({ err }, 'rate limit store (Redis) unavailable: limits are not enforced until it is back'))
    app.addHook('onClose', async () => void (await redis.quit().catch(() => redis.disconnect())))
  }
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: opts.nameSpace ?? 'zhibao-rl:', skipOnError: true } : {}),
    // Per person where we know who it is: a whole village office shares one address.
    keyGenerator: (request) => request.currentUser?.id ?? request.ip,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'rate_limited',
      message: `操作太频繁，请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`
    })
  })
})
