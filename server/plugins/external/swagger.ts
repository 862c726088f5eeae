import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'

/** OpenAPI generated from the TypeBox schemas each route declares, served at /api/openapi.json. */
export default fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      info: { title: 'zhibao 信息直报 API', version: '0.1.0', description: '县市场监管局信息直报：留言、典型事例、收件箱与答复' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } }
    }
  })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())
})
