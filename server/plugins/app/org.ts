import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyInstance {
    /** The bureau that mini-program and dev logins belong to. */
    defaultOrgId: string
  }
}

export default fp<{ orgId: string }>(async (app, opts) => {
  app.decorate('defaultOrgId', opts.orgId)
})
