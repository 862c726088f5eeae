import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { HealthBody, ReadyBody } from '../../../domain/schemas/health'
import { isReady, type ProbeReport } from '../../db/probe'

/** A database probe that has not answered for this long makes the server unready. */
export const READY_STALE_MS = 10_000

function dbView(r: ProbeReport) {
  return { state: r.state, checkedAt: r.checkedAt?.toISOString() ?? null, ageMs: r.ageMs, latencyMs: r.latencyMs, pendingMs: r.pendingMs, error: r.error }
}

/**
 * Neither route touches the database: both answer from the event loop with the background
 * probe's last result (server/db/probe.ts), so they stay fast while every connection is busy.
 * /health is liveness (the process serves requests; restart it if this times out) and reports
 * the database beside it; /health/ready is readiness (send traffic here or not).
 */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    { schema: { tags: ['system'], summary: '存活检查：进程在响应；附后台探测到的数据库状态（不等数据库）', response: { 200: HealthBody } } },
    async () => ({ status: 'ok' as const, database: app.dbEngine, db: dbView(app.dbProbe.report()) })
  )
  app.get(
    '/health/ready',
    { schema: { tags: ['system'], summary: '就绪检查：数据库最近一次探测正常时 200，否则 503', response: { 200: ReadyBody, 503: ReadyBody } } },
    async (_request, reply) => {
      const report = app.dbProbe.report()
      const ready = isReady(report, READY_STALE_MS)
      reply.code(ready ? 200 : 503)
      return { status: ready ? ('ready' as const) : ('unavailable' as const), database: app.dbEngine, db: dbView(report) }
    }
  )
  app.get(
    '/config',
    { schema: { tags: ['system'], summary: '客户端需要的服务端设置', response: { 200: Type.Object({ wechatMode: Type.Enum(['dev', 'live']) }) } } },
    async () => ({ wechatMode: app.wechatMode })
  )
}
export default routes
