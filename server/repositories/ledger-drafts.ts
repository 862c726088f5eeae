import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'

/** What the ledger reads of a draft, locked: a draft is published once at a time. */
export async function lockDraftForLedger(db: DbOrTx, orgId: string, id: string) {
  return db
    .selectFrom('draft')
    .select(['id', 'org_id', 'type', 'title', 'status', 'version', 'author_id', 'department_id', 'topics'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

/** In the drafts slice's order: largest share first (it takes the rounding remainder), then by id. */
export async function draftCredits(db: DbOrTx, draftId: string) {
  return db.selectFrom('draft_credit').select(['user_id', 'department_id', 'share_percent']).where('draft_id', '=', draftId).orderBy('share_percent', 'desc').orderBy('id').execute()
}

/** The cases a draft used, with their status and version (to move them) and when each was submitted. */
export async function draftCases(db: DbOrTx, orgId: string, draftId: string) {
  return db
    .selectFrom('draft_case as dc')
    .innerJoin('item as i', 'i.id', 'dc.item_id')
    .select(['i.id', 'i.status', 'i.version', 'i.created_at'])
    .where('dc.draft_id', '=', draftId)
    .where('i.org_id', '=', orgId)
    .orderBy('i.created_at')
    .execute()
}

export async function mediaOfOrg(db: DbOrTx, orgId: string, id: string) {
  return db.selectFrom('media').select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
}

export async function userNames(db: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = await db.selectFrom('app_user').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export const nowDay = sql<string>`(now() at time zone 'Asia/Shanghai')::date::text`
