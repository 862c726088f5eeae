import fp from 'fastify-plugin'
import rateLimit from '@fastify/rate-limit'

/**
 * Off by default; routes opt in with `config.rateLimit`. In-process store: several server
 * processes behind a balancer would pass a Redis store here.
 */
export default fp(async (app) => {
  await app.register(rateLimit, {
    global: false,
    // Per person where we know who it is: a whole village office shares one address.
    keyGenerator: (request) => request.currentUser?.id ?? request.ip,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'rate_limited',
      message: `操作太频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`
    })
  })
})
