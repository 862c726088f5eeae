import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'

/**
 * Replied messages whose latest reply is older than `cutoff` (the citizen did not rate in time).
 * The reply is the latest event that moved the message into `repliedStatus`.
 */
export async function repliedBefore(db: DbOrTx, repliedStatus: string, cutoff: Date, limit = 500) {
  return db
    .selectFrom('item')
    .select(['item.id', 'item.org_id'])
    .where('item.kind', '=', 'message')
    .where('item.status', '=', repliedStatus)
    .where((eb) =>
      eb(
        eb.selectFrom('item_event as e').select(sql<Date>`max(e.created_at)`.as('at')).whereRef('e.item_id', '=', 'item.id').where('e.to_status', '=', repliedStatus),
        '<',
        cutoff
      )
    )
    .orderBy('item.id')
    .limit(limit)
    .execute()
}

/**
 * The contact details the retention job erases: every column a citizen gave so the bureau could
 * reach or find them — the phone, and the place, which is often the citizen's own address. The
 * business named and who is praised are the matter itself, not the citizen's, and stay.
 */
export const CONTACT_COLUMNS = ['contact_phone', 'place_address', 'place_lat', 'place_lng'] as const

/** Closed messages (closed before `cutoff`) that still keep contact details, locked for erasure. */
export async function contactsToErase(db: DbOrTx, cutoff: Date, limit = 500) {
  return db
    .selectFrom('item')
    .innerJoin('message', 'message.item_id', 'item.id')
    .select(['item.id', 'item.org_id', 'item.version'])
    .where('item.closed_at', '<', cutoff)
    .where('message.contact_erased_at', 'is', null)
    .where((eb) => eb.or(CONTACT_COLUMNS.map((c) => eb(`message.${c}`, 'is not', null))))
    .orderBy('item.closed_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

export async function eraseContacts(db: DbOrTx, itemId: string, at: Date): Promise<void> {
  await db
    .updateTable('message')
    .set({ ...Object.fromEntries(CONTACT_COLUMNS.map((c) => [c, null])), contact_erased_at: at })
    .where('item_id', '=', itemId)
    .execute()
}
