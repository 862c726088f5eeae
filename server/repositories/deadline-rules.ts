import type { DbOrTx } from '../db/database'
import type { DeadlineRuleRow } from '../db/tables/deadline-rule'
import type { DeadlineRuleKey } from '../../domain/deadlines/rules'

export async function listRuleRows(db: DbOrTx, orgId: string): Promise<DeadlineRuleRow[]> {
  return db.selectFrom('deadline_rule').selectAll().where('org_id', '=', orgId).execute()
}

export async function findRuleRow(db: DbOrTx, orgId: string, key: DeadlineRuleKey): Promise<DeadlineRuleRow | undefined> {
  return db
    .selectFrom('deadline_rule')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kind', '=', key.kind)
    .where('category', '=', key.category)
    .where('clock_start', '=', key.clockStart)
    .executeTakeFirst()
}

export async function upsertRule(db: DbOrTx, orgId: string, key: DeadlineRuleKey, workingDays: number | null, byUserId: string): Promise<void> {
  await db
    .insertInto('deadline_rule')
    .values({ org_id: orgId, kind: key.kind, category: key.category, clock_start: key.clockStart, working_days: workingDays, updated_by: byUserId })
    .onConflict((oc) =>
      oc.constraint('deadline_rule_key').doUpdateSet({ working_days: workingDays, updated_by: byUserId, updated_at: new Date() })
    )
    .execute()
}

/** Back to the default (or to no rule, for a key that has no default). */
export async function deleteRule(db: DbOrTx, orgId: string, key: DeadlineRuleKey): Promise<boolean> {
  const res = await db
    .deleteFrom('deadline_rule')
    .where('org_id', '=', orgId)
    .where('kind', '=', key.kind)
    .where('category', '=', key.category)
    .where('clock_start', '=', key.clockStart)
    .executeTakeFirst()
  return Number(res.numDeletedRows) > 0
}
