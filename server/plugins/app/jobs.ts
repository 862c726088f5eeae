import fp from 'fastify-plugin'
import PgBoss from 'pg-boss'
import { kyselyExecutor } from '../../jobs/executor'
import { REMINDERS_CRON, REMINDERS_QUEUE, REMINDERS_TZ, runReminders } from '../../jobs/reminders'
import { MEDIA_CHECK_TIMEOUTS_CRON, MEDIA_CHECK_TIMEOUTS_QUEUE, runMediaCheckTimeouts } from '../../jobs/media-check-timeouts'
import { AUTO_CLOSE_CRON, AUTO_CLOSE_QUEUE, FOLLOW_UP_TZ, RETENTION_CRON, RETENTION_QUEUE, runAutoClose, runRetention } from '../../jobs/follow-up'
import { sendSubscribe, SUBSCRIBE_QUEUE, type SubscribeJob } from '../../jobs/subscribe-send'
import type { Config } from '../../config'
import { onItemChange } from '../../services/items'
import { hasUnusedGrant } from '../../repositories/subscribe-grants'
import { isSubscribeStatus } from '../../../domain/message/subscribe'

declare module 'fastify' {
  interface FastifyInstance {
    /** The job queue, or null when JOBS=off. */
    jobs: PgBoss | null
    /** Rating window, retention period and subscribe-message templates (server/config.ts). */
    followUp: Config['followUp']
  }
}

export interface JobsOptions {
  enabled: boolean
  /** The clock the reminder, auto-close and retention jobs read (tests fix it). */
  now?: () => Date
  /** Minutes an image check may go unanswered (MEDIA_CHECK_TIMEOUT_MINUTES). */
  mediaCheckTimeoutMinutes?: number
  followUp: Config['followUp']
  /** How a subscribe message that met a transient error is retried (tests shorten it). */
  subscribeRetry?: { retryLimit: number; retryDelay: number; retryBackoff: boolean }
}

/** About 30 s, 1, 2, 4, 8, 16 min: past a minute's quota and a short outage, not a day's. */
const SUBSCRIBE_RETRY = { retryLimit: 6, retryDelay: 30, retryBackoff: true }

/**
 * pg-boss 10 on the app's own database, started when the app is ready and stopped (letting a
 * running job finish) when it closes. Its tables live in the `pgboss` schema, created by
 * pg-boss itself on first start.
 */
export default fp<JobsOptions>(async (app, opts) => {
  app.decorate('jobs', null)
  app.decorate('followUp', opts.followUp)
  if (!opts.enabled) return
  const now = opts.now ?? (() => new Date())
  const boss = new PgBoss({ db: kyselyExecutor(app.db), schedule: true, supervise: true, migrate: true })
  boss.on('error', (err) => app.log.error({ err }, 'job queue error'))
  app.jobs = boss
  let removeHook: (() => void) | undefined

  app.addHook('onReady', async () => {
    await boss.start()
    await boss.createQueue(REMINDERS_QUEUE)
    await boss.schedule(REMINDERS_QUEUE, REMINDERS_CRON, {}, { tz: REMINDERS_TZ })
    const { followUp } = opts
    for (const [queue, cron] of [
      [AUTO_CLOSE_QUEUE, AUTO_CLOSE_CRON],
      [RETENTION_QUEUE, RETENTION_CRON]
    ] as const) {
      await boss.createQueue(queue)
      await boss.schedule(queue, cron, {}, { tz: FOLLOW_UP_TZ })
    }
    await boss.createQueue(SUBSCRIBE_QUEUE)
    await boss.work(AUTO_CLOSE_QUEUE, async () => {
      const { closed } = await runAutoClose(app.db, now(), followUp.ratingWindowDays)
      app.log.info({ closed: closed.length }, `评价: ${closed.length} replied messages closed without a rating after ${followUp.ratingWindowDays} days`)
    })
    await boss.work(RETENTION_QUEUE, async () => {
      const { erased } = await runRetention(app.db, now(), followUp.contactRetentionDays)
      app.log.info({ erased: erased.length }, `保存期限: contact details of ${erased.length} closed messages erased`)
    })
    const subscribeDeps = { db: app.db, wechat: app.wechat, templates: followUp.subscribe.templates, miniprogramState: followUp.subscribe.miniprogramState }
    await boss.work<SubscribeJob>(SUBSCRIBE_QUEUE, async ([job]) => {
      const result = await sendSubscribe(subscribeDeps, job!.data)
      app.log.info({ itemId: job!.data.itemId, status: job!.data.status, ...result }, `订阅消息: ${result.outcome}`)
    })
    // The citizen hears of acceptance, reply and closing if a grant waits: the job is queued in
    // the transition's own transaction (its jobDb), so it exists exactly when the change does.
    const retry = opts.subscribeRetry ?? SUBSCRIBE_RETRY
    removeHook = onItemChange(async (scope, item, change) => {
      if (item.kind !== 'message' || !isSubscribeStatus(change.to)) return
      const template = followUp.subscribe.templates[change.to]
      if (!template || !(await hasUnusedGrant(scope.tx, item.id, template.id))) return
      const data: SubscribeJob = { itemId: item.id, status: change.to, at: change.at.toISOString() }
      await boss.send(SUBSCRIBE_QUEUE, data, { ...retry, db: scope.jobDb })
    })
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
    removeHook?.()
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
  })
})
