import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { OutletLevel, LedgerType } from '../../domain/ledger/vocabulary'
import type { ScoringRules } from '../../domain/ledger/rules'
import { ConflictError, NotFoundError } from '../../domain/errors'
import { targetsQuery } from './ledger-dashboard'

// ---- outlets

/** Whole, not paged: the outlet picker of 登记发表 shows them all; bounded by LIST_CAPS.outlets. */
export async function listOutlets(db: DbOrTx, orgId: string, includeInactive: boolean) {
  let q = db.selectFrom('outlet').select(['id', 'name', 'level', 'active']).where('org_id', '=', orgId)
  if (!includeInactive) q = q.where('active', '=', true)
  return q.orderBy('level').orderBy('name').execute()
}

export async function findOutlet(db: DbOrTx, orgId: string, id: string) {
  return db.selectFrom('outlet').select(['id', 'name', 'level', 'active']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
}

async function assertOutletNameFree(db: DbOrTx, orgId: string, name: string, exceptId?: string) {
  let q = db.selectFrom('outlet').select('id').where('org_id', '=', orgId).where('name', '=', name)
  if (exceptId) q = q.where('id', '<>', exceptId)
  if (await q.executeTakeFirst()) throw new ConflictError(`已有名为「${name}」的媒体`, { name }, 'outlet_exists')
}

export async function insertOutlet(db: DbOrTx, orgId: string, input: { name: string; level: OutletLevel }) {
  await assertOutletNameFree(db, orgId, input.name)
  return db.insertInto('outlet').values({ org_id: orgId, ...input }).returning(['id', 'name', 'level', 'active']).executeTakeFirstOrThrow()
}

export async function updateOutlet(db: DbOrTx, orgId: string, id: string, input: { name?: string; level?: OutletLevel; active?: boolean }) {
  if (input.name !== undefined) await assertOutletNameFree(db, orgId, input.name, id)
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
  const q = Object.keys(set).length
    ? db.updateTable('outlet').set(set).where('id', '=', id).where('org_id', '=', orgId).returning(['id', 'name', 'level', 'active'])
    : db.selectFrom('outlet').select(['id', 'name', 'level', 'active']).where('id', '=', id).where('org_id', '=', orgId)
  const row = await q.executeTakeFirst()
  if (!row) throw new NotFoundError('该媒体不存在')
  return row
}

// ---- scoring rules

/** Every rule set of the bureau up to `year` (the one in force is the latest). */
export async function listRuleSets(db: DbOrTx, orgId: string, upToYear: number) {
  return db.selectFrom('scoring_rule').select(['year', 'rules', 'updated_at']).where('org_id', '=', orgId).where('year', '<=', upToYear).orderBy('year', 'desc').execute()
}

export async function upsertRuleSet(db: DbOrTx, orgId: string, rules: ScoringRules, by: string) {
  return db
    .insertInto('scoring_rule')
    .values({ org_id: orgId, year: rules.year, rules: JSON.stringify(rules), updated_by: by })
    .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet({ rules: JSON.stringify(rules), updated_by: by, updated_at: sql`now()` }))
    .returning(['year', 'rules', 'updated_at'])
    .executeTakeFirstOrThrow()
}

// ---- targets

export async function listTargets(db: DbOrTx, orgId: string, year: number) {
  return targetsQuery(db, { orgId, year, from: `${year}-01-01`, to: `${year}-12-31` }).execute()
}
export type TargetRow = Awaited<ReturnType<typeof listTargets>>[number]

/** Replaces a year's targets as a whole (the admin's form shows and sends them all). */
export async function replaceTargets(
  db: DbOrTx,
  orgId: string,
  year: number,
  rows: { department_id: string | null; type: LedgerType; count: number; points_cents: number | null }[],
  by: string
) {
  await db.deleteFrom('ledger_target').where('org_id', '=', orgId).where('year', '=', year).execute()
  if (rows.length) await db.insertInto('ledger_target').values(rows.map((r) => ({ ...r, org_id: orgId, year, updated_by: by }))).execute()
}

export async function departmentIdsOf(db: DbOrTx, orgId: string, ids: readonly string[]) {
  if (!ids.length) return new Set<string>()
  const rows = await db.selectFrom('department').select('id').where('org_id', '=', orgId).where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}
