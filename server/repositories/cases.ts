import type { DbOrTx } from '../db/database'
import type { NewCaseReport } from '../db/tables/case-report'

export type CaseText = Omit<NewCaseReport, 'item_id'>

export async function insertCaseReport(db: DbOrTx, itemId: string, text: CaseText): Promise<void> {
  await db.insertInto('case_report').values({ item_id: itemId, ...text }).execute()
}

export async function updateCaseReport(db: DbOrTx, itemId: string, text: CaseText): Promise<void> {
  await db.updateTable('case_report').set(text).where('item_id', '=', itemId).execute()
}

/** An officer's cases, newest first (or the one `onlyId`). */
export async function listCasesBy(db: DbOrTx, authorId: string, onlyId?: string, limit = 100) {
  let q = db
    .selectFrom('item')
    .innerJoin('case_report as c', 'c.item_id', 'item.id')
    .selectAll('c')
    .select(['item.id', 'item.client_id', 'item.status', 'item.moderation', 'item.topics', 'item.created_at'])
    .where('item.author_id', '=', authorId)
    .where('item.kind', '=', 'case')
    .orderBy('item.created_at', 'desc')
    .limit(limit)
  if (onlyId) q = q.where('item.id', '=', onlyId)
  return q.execute()
}

/** The newest note left by one of `actions` on each item. */
export async function latestNotes(db: DbOrTx, itemIds: string[], actions: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (!itemIds.length || !actions.length) return out
  const rows = await db
    .selectFrom('item_event')
    .select(['item_id', 'body'])
    .where('item_id', 'in', itemIds)
    .where('action', 'in', actions)
    .where('is_public', '=', true)
    .where('body', 'is not', null)
    .orderBy('created_at', 'asc')
    .execute()
  for (const r of rows) out.set(r.item_id, r.body!)
  return out
}
