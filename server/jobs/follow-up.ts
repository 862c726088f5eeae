import type { Db } from '../db/database'
import { AUTO_CLOSE_ACTION, REPLIED_STATUS } from '../../domain/message/state-machine'
import { CONTACT_ERASED_EVENT } from '../../domain/message/retention'
import { ConflictError } from '../../domain/errors'
import { appendEvent } from '../repositories/events'
import { updateItem } from '../repositories/items'
import { contactsToErase, eraseContacts, repliedBefore } from '../repositories/follow-up-jobs'
import { systemActor, transition } from '../services/items'
import { inTransaction } from '../services/transaction'

const DAY_MS = 86_400_000

/** Both run daily at night, Beijing time; a rerun finds nothing left to do. */
export const AUTO_CLOSE_QUEUE = 'rating-auto-close'
export const AUTO_CLOSE_CRON = '30 2 * * *'
export const RETENTION_QUEUE = 'contact-retention'
export const RETENTION_CRON = '0 3 * * *'
export const FOLLOW_UP_TZ = 'Asia/Shanghai'

/**
 * Replied messages nobody rated within `days` are closed by the table's system action, one
 * transaction each; a message the citizen rated meanwhile is no longer replied (409) and stays.
 */
export async function runAutoClose(db: Db, now: Date, days: number): Promise<{ closed: string[] }> {
  const closed: string[] = []
  for (const row of await repliedBefore(db, REPLIED_STATUS, new Date(now.getTime() - days * DAY_MS))) {
    try {
      await transition(db, systemActor(row.org_id), row.id, { action: AUTO_CLOSE_ACTION })
      closed.push(row.id)
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
    }
  }
  return { closed }
}

/**
 * PIPL's storage limitation: the contact details of messages closed more than `days` ago are
 * erased, each with an internal timeline event saying so, in batches until none are left.
 */
export async function runRetention(db: Db, now: Date, days: number): Promise<{ erased: string[] }> {
  const cutoff = new Date(now.getTime() - days * DAY_MS)
  const erased: string[] = []
  for (;;) {
    const batch = await inTransaction(db, async (scope) => {
      const rows = await contactsToErase(scope.tx, cutoff)
      for (const row of rows) {
        await eraseContacts(scope.tx, row.id, now)
        const updated = await updateItem(scope.tx, row.id, {}, now)
        await appendEvent(scope.tx, {
          org_id: row.org_id,
          item_id: row.id,
          actor_id: null,
          action: CONTACT_ERASED_EVENT,
          from_status: null,
          to_status: null,
          body: `办结已满 ${days} 天，留言人的联系方式已删除`,
          is_public: false,
          item_version: updated.version
        })
      }
      return rows.map((r) => r.id)
    })
    erased.push(...batch)
    if (batch.length === 0) break
  }
  return { erased }
}
