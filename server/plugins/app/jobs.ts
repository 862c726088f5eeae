import fp from 'fastify-plugin'
import PgBoss from 'pg-boss'
import { kyselyExecutor } from '../../jobs/executor'
import { REMINDERS_CRON, REMINDERS_QUEUE, REMINDERS_TZ, runReminders } from '../../jobs/reminders'
import { MEDIA_CHECK_TIMEOUTS_CRON, MEDIA_CHECK_TIMEOUTS_QUEUE, runMediaCheckTimeouts } from '../../jobs/media-check-timeouts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The job queue, or null when JOBS=off. */
    jobs: PgBoss | null
  }
}

export interface JobsOptions {
  enabled: boolean
  /** The clock the reminder job reads (tests fix it). */
  now?: () => Date
  /** Minutes an image check may go unanswered (MEDIA_CHECK_TIMEOUT_MINUTES). */
  mediaCheckTimeoutMinutes?: number
}

/**
 * pg-boss 10 on the app's own database, started when the app is ready and stopped (letting a
 * running job finish) when it closes. Its tables live in the `pgboss` schema, created by
 * pg-boss itself on first start.
 */
export default fp<JobsOptions>(async (app, opts) => {
  app.decorate('jobs', null)
  if (!opts.enabled) return
  const now = opts.now ?? (() => new Date())
  const boss = new PgBoss({ db: kyselyExecutor(app.db), schedule: true, supervise: true, migrate: true })
  boss.on('error', (err) => app.log.error({ err }, 'job queue error'))
  app.jobs = boss

  app.addHook('onReady', async () => {
    await boss.start()
    await boss.createQueue(REMINDERS_QUEUE)
    await boss.schedule(REMINDERS_QUEUE, REMINDERS_CRON, {}, { tz: REMINDERS_TZ })
    await boss.work(REMINDERS_QUEUE, async () => {
      for (const r of await runReminders(app.db, now())) {
        app.log.info(
          { orgId: r.orgId, day: r.day, skipped: r.skipped, notified: r.notified, overdue: r.report?.total ?? 0, byDepartment: r.report?.byDepartment },
          r.skipped ? `催办: ${r.day} is a day off, no reminders` : `催办: ${r.notified} reminders, ${r.report?.total ?? 0} overdue items`
        )
      }
    })
    await boss.createQueue(MEDIA_CHECK_TIMEOUTS_QUEUE)
    await boss.schedule(MEDIA_CHECK_TIMEOUTS_QUEUE, MEDIA_CHECK_TIMEOUTS_CRON, {})
    await boss.work(MEDIA_CHECK_TIMEOUTS_QUEUE, async () => {
      const held = await runMediaCheckTimeouts(app.db, now(), opts.mediaCheckTimeoutMinutes ?? 30)
      if (held.length) app.log.warn({ media: held }, `图片检测: ${held.length} result(s) never arrived from WeChat; held for staff (待审核)`)
    })
  })
  app.addHook('onClose', async () => {
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
  })
})
