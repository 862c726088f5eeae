import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { NewPublication } from '../db/tables/publication'
import type { NewPublicationCredit } from '../db/tables/publication-credit'

export const PUBLICATION_COLUMNS = [
  'p.id',
  'p.draft_id',
  'p.title',
  'p.type',
  'p.outlet_id',
  'o.name as outlet_name',
  'p.outlet_level',
  'p.channel',
  'p.placement',
  'p.link',
  'p.proof_media_id',
  'p.leader_comment',
  'p.adopted',
  'p.deductions',
  'p.topics',
  'p.points_cents',
  'p.rule_year',
  'p.recorded_at'
] as const

export async function insertPublication(db: DbOrTx, row: NewPublication, credits: Omit<NewPublicationCredit, 'publication_id' | 'org_id'>[]) {
  const { id } = await db.insertInto('publication').values(row).returning('id').executeTakeFirstOrThrow()
  if (credits.length) await db.insertInto('publication_credit').values(credits.map((c) => ({ ...c, org_id: row.org_id, publication_id: id }))).execute()
  return id
}

/** The publication a person already recorded with this form id, if any. */
export async function publicationIdByClientId(db: DbOrTx, orgId: string, recordedBy: string, clientId: string): Promise<string | undefined> {
  const row = await db.selectFrom('publication').select('id').where('org_id', '=', orgId).where('recorded_by', '=', recordedBy).where('client_id', '=', clientId).executeTakeFirst()
  return row?.id
}

export interface PublicationFilter {
  year?: number
  month?: number
  departmentId?: string
  draftId?: string
  ids?: readonly string[]
}

export async function listPublications(db: DbOrTx, orgId: string, f: PublicationFilter) {
  let q = db
    .selectFrom('publication as p')
    .innerJoin('outlet as o', 'o.id', 'p.outlet_id')
    .select([...PUBLICATION_COLUMNS, sql<string>`p.published_on::text`.as('published_on')])
    .where('p.org_id', '=', orgId)
  if (f.year !== undefined) q = q.where('p.year', '=', f.year)
  if (f.month !== undefined) q = q.where(sql<number>`extract(month from p.published_on)::int`, '=', f.month)
  if (f.draftId) q = q.where('p.draft_id', '=', f.draftId)
  if (f.ids) q = q.where('p.id', 'in', f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000'])
  if (f.departmentId) {
    const dept = f.departmentId
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('publication_credit as c').select('c.id').whereRef('c.publication_id', '=', 'p.id').where('c.department_id', '=', dept)))
  }
  return q.orderBy('p.published_on', 'desc').orderBy('p.recorded_at', 'desc').limit(2000).execute()
}
export type PublicationRow = Awaited<ReturnType<typeof listPublications>>[number]

export async function creditsOf(db: DbOrTx, publicationIds: readonly string[]) {
  if (!publicationIds.length) return []
  return db
    .selectFrom('publication_credit as c')
    .leftJoin('app_user as u', 'u.id', 'c.user_id')
    .leftJoin('department as d', 'd.id', 'c.department_id')
    .select(['c.id', 'c.publication_id', 'c.user_id', 'c.department_id', 'u.name as user_name', 'd.name as department_name', 'c.share_bp', 'c.points_cents', 'c.position'])
    .where('c.publication_id', 'in', publicationIds)
    // Authors before departments, each in the order recorded (the first takes the rounding remainder).
    .orderBy(sql`c.user_id is null`)
    .orderBy('c.position')
    .execute()
}

/** A year's publications with what recalculating them needs, locked against a concurrent record or recalculation. */
export async function lockYear(db: DbOrTx, orgId: string, year: number) {
  return db
    .selectFrom('publication')
    .select(['id', 'type', 'outlet_level', 'placement', 'leader_comment', 'adopted', 'deductions', 'points_cents', 'rule_year'])
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .orderBy('id')
    .forUpdate()
    .execute()
}

export async function updatePoints(db: DbOrTx, id: string, pointsCents: number, ruleYear: number) {
  await db.updateTable('publication').set({ points_cents: pointsCents, rule_year: ruleYear, recalculated_at: sql`now()` }).where('id', '=', id).execute()
}

export async function setCreditPoints(db: DbOrTx, creditId: string, pointsCents: number) {
  await db.updateTable('publication_credit').set({ points_cents: pointsCents }).where('id', '=', creditId).execute()
}

export async function insertRecalculation(db: DbOrTx, row: { org_id: string; year: number; recalculated_by: string; publications: number; changed: number; points_before_cents: number; points_after_cents: number }) {
  return db.insertInto('ledger_recalculation').values(row).returning(['recalculated_at']).executeTakeFirstOrThrow()
}

/**
 * One page of a window's ledger lines for the export, in (published_on, id) order after the
 * given key, with the credited names joined in SQL: the export streams page by page and never
 * holds the year in memory.
 */
export async function exportPage(db: DbOrTx, w: { orgId: string; from: string; to: string }, after: { day: string; id: string } | null, limit: number) {
  let q = db
    .selectFrom('publication as p')
    .innerJoin('outlet as o', 'o.id', 'p.outlet_id')
    .select([
      'p.id',
      sql<string>`p.published_on::text`.as('published_on'),
      'p.title',
      'p.type',
      'o.name as outlet_name',
      'p.outlet_level',
      'p.channel',
      'p.placement',
      'p.leader_comment',
      'p.adopted',
      'p.points_cents',
      'p.link',
      sql<string>`coalesce((select string_agg(d.name || ' ' || (c.share_bp / 100.0)::float8 || '%', '、' order by c.position) from publication_credit c join department d on d.id = c.department_id where c.publication_id = p.id), '')`.as('departments'),
      sql<string>`coalesce((select string_agg(u.name, '、' order by c.position) from publication_credit c join app_user u on u.id = c.user_id where c.publication_id = p.id), '')`.as('authors')
    ])
    .where('p.org_id', '=', w.orgId)
    .where(sql<boolean>`p.published_on between ${w.from}::date and ${w.to}::date`)
  if (after) q = q.where(sql<boolean>`(p.published_on, p.id) > (${after.day}::date, ${after.id}::uuid)`)
  return q.orderBy('p.published_on').orderBy('p.id').limit(limit).execute()
}

/** The proof screenshots or scans of some publications, of the bureau. */
export async function proofMedia(db: DbOrTx, orgId: string, ids: readonly string[]) {
  if (!ids.length) return []
  return db.selectFrom('media').selectAll().where('org_id', '=', orgId).where('id', 'in', ids).execute()
}
