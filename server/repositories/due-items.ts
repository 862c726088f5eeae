import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import { VISIBLE_ITEM } from '../../domain/moderation/item'
import { MESSAGE_STATUS_BUCKET, type MessageStatus } from '../../domain/message/state-machine'

export interface DueItemRow {
  id: string
  kind: 'message' | 'case'
  due_at: Date
  assignee_id: string | null
  assignee_name: string | null
  department_id: string | null
  department_name: string | null
  excerpt: string
}

/** Messages waiting on the citizen (answered) are not ours to chase. */
const WAITING_MESSAGE_STATUSES = (Object.keys(MESSAGE_STATUS_BUCKET) as MessageStatus[]).filter((s) => MESSAGE_STATUS_BUCKET[s] !== 'open')

/**
 * Items still being handled whose deadline is at or before `dueBy`, soonest first. Uses
 * item_open_due_idx (open items by org and deadline).
 */
export async function openItemsDueBy(db: DbOrTx, orgId: string, dueBy: Date, limit = 5000): Promise<DueItemRow[]> {
  const rows = await db
    .selectFrom('item as i')
    .leftJoin('app_user as u', 'u.id', 'i.assignee_id')
    .leftJoin('department as d', 'd.id', 'i.department_id')
    .leftJoin('message as m', 'm.item_id', 'i.id')
    .leftJoin('case_report as c', 'c.item_id', 'i.id')
    .select([
      'i.id',
      'i.kind',
      'i.due_at',
      'i.assignee_id',
      'u.name as assignee_name',
      'i.department_id',
      'd.name as department_name',
      sql<string>`coalesce(c.title, left(m.body, 40), '')`.as('excerpt')
    ])
    .where('i.org_id', '=', orgId)
    .where('i.moderation', '=', VISIBLE_ITEM)
    .where('i.due_at', 'is not', null)
    .where('i.closed_at', 'is', null)
    .where('i.due_at', '<=', dueBy)
    .where((eb) => eb.or([eb('i.kind', '!=', 'message'), eb('i.status', 'not in', WAITING_MESSAGE_STATUSES)]))
    .orderBy('i.due_at')
    .orderBy('i.id')
    .limit(limit)
    .execute()
  return rows as DueItemRow[]
}
