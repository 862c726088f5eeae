import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { sql } from 'kysely'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    { schema: { tags: ['system'], summary: '健康检查：数据库已打开并完成迁移', response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) } } },
    async () => {
      await sql`select 1`.execute(app.db)
      return { status: 'ok' as const, database: app.dbEngine }
    }
  )
  app.get(
    '/config',
    { schema: { tags: ['system'], summary: '客户端需要的服务端设置', response: { 200: Type.Object({ wechatMode: Type.Enum(['dev', 'live']) }) } } },
    async () => ({ wechatMode: app.wechatMode })
  )
}
export default routes
