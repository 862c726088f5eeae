import type { Db } from '../db/database'
import { INBOX_ROLES } from '../../domain/desk'
import { LEDGER_TYPE_LABELS } from '../../domain/ledger/vocabulary'
import { insertNotifications } from '../repositories/notifications'
import { listPeople } from '../repositories/admin'
import { dashboard } from './ledger-dashboard'
import { inTransaction } from './transaction'

/** What a shortfall notification is about: the department (the app opens its row of the dashboard). */
export const DEPARTMENT_SUBJECT = 'department'

/**
 * Shortfall warnings (the shortfall rule of domain/ledger/pace.ts): every desk colleague of each
 * department behind its target hears what was done, the projected year-end and the gap. One per
 * department, person and day (the day is in the dedupe key), so a rerun the same day adds nothing.
 */
export async function warnShortfalls(db: Db, actor: { id: string; orgId: string }, q: { year?: number; asOf?: string }, now = new Date()) {
  const dash = await dashboard(db, actor.orgId, q, now)
  const behind = dash.departments.filter((d) => d.behind && d.departmentId)
  const notified = await inTransaction(db, async ({ tx }) => {
    let n = 0
    for (const d of behind) {
      const people = await listPeople(tx, actor.orgId, { anyRole: INBOX_ROLES, departmentId: d.departmentId!, includeDisabled: false })
      const lines = d.pace
        .filter((p) => p.count.behind)
        .map((p) => `${LEDGER_TYPE_LABELS[p.type]}已完成 ${p.count.done} 篇，按目前进度预计全年 ${p.count.projected} 篇，目标 ${p.count.target} 篇，差 ${p.count.shortfall} 篇`)
      const pointLines = d.pace.filter((p) => p.points?.behind).map((p) => `${LEDGER_TYPE_LABELS[p.type]}得分预计 ${p.points!.projected}，目标 ${p.points!.target}`)
      const body = `${d.name} ${dash.year} 年发表进度落后：${[...lines, ...pointLines].join('；')}`.slice(0, 200)
      n += await insertNotifications(
        tx,
        people
          .filter((p) => p.id !== actor.id)
          .map((p) => ({
            org_id: actor.orgId,
            user_id: p.id,
            kind: 'target_shortfall' as const,
            item_id: null,
            subject_type: DEPARTMENT_SUBJECT,
            subject_id: d.departmentId!,
            actor_id: actor.id,
            body,
            dedupe_key: `target_shortfall:${dash.year}:${d.departmentId}:${dash.asOf}:${p.id}`
          }))
      )
    }
    return n
  })
  return { departmentsBehind: behind.length, notified }
}
