import { sql, type CompiledQuery } from 'kysely'
import type { DbOrTx } from '../db/database'
import { statementTemplate } from '../db/statement-template'
import type { LedgerType, OutletLevel } from '../../domain/ledger/vocabulary'

/**
 * The dashboard's aggregates over one bureau's year up to a day, as five grouped statements on
 * the ledger's indexes (publication_org_year_idx, publication_credit_dept_idx). The benchmark
 * (scripts/bench-ledger.ts) runs these same statements bare as its floor.
 */
export interface Window {
  orgId: string
  year: number
  /** Inclusive Beijing days. */
  from: string
  to: string
}

const inWindow = (w: Window) => sql<boolean>`p.org_id = ${w.orgId} and p.year = ${w.year} and p.published_on between ${w.from}::date and ${w.to}::date`

export const byTypeQuery = (db: DbOrTx, w: Window) =>
  db
    .selectFrom('publication as p')
    .select(['p.type', sql<number>`count(*)::int`.as('count'), sql<number>`coalesce(sum(p.points_cents), 0)::int`.as('cents')])
    .where(inWindow(w))
    .groupBy('p.type')

export const byMonthQuery = (db: DbOrTx, w: Window) =>
  db
    .selectFrom('publication as p')
    .select([sql<number>`extract(month from p.published_on)::int`.as('month'), 'p.type', sql<number>`count(*)::int`.as('count'), sql<number>`coalesce(sum(p.points_cents), 0)::int`.as('cents')])
    .where(inWindow(w))
    .groupBy([sql`1`, 'p.type'])

export const byLevelQuery = (db: DbOrTx, w: Window) =>
  db
    .selectFrom('publication as p')
    .select(['p.outlet_level as level', sql<number>`count(*)::int`.as('count'), sql<number>`coalesce(sum(p.points_cents), 0)::int`.as('cents')])
    .where(inWindow(w))
    .groupBy('p.outlet_level')

export const byTopicQuery = (db: DbOrTx, w: Window) =>
  db
    .selectFrom(sql<{ topic: string; points_cents: number }>`(select unnest(p.topics) as topic, p.points_cents from publication p where ${inWindow(w)})`.as('t'))
    .select(['t.topic', sql<number>`count(*)::int`.as('count'), sql<number>`coalesce(sum(t.points_cents), 0)::int`.as('cents')])
    .groupBy('t.topic')

/** Department credits by type: counts credited by share (basis points), points as credited. */
export const byDepartmentQuery = (db: DbOrTx, w: Window) =>
  db
    .selectFrom('publication_credit as c')
    .innerJoin('publication as p', 'p.id', 'c.publication_id')
    .select(['c.department_id', 'p.type', sql<number>`sum(c.share_bp)::int`.as('share_bp'), sql<number>`sum(c.points_cents)::int`.as('cents')])
    .where('c.org_id', '=', w.orgId)
    .where('c.department_id', 'is not', null)
    .where(inWindow(w))
    .groupBy(['c.department_id', 'p.type'])

/** Front-line share, and case → publication days (for the effect summary). */
export const frontLineQuery = (db: DbOrTx, w: Window) =>
  db
    .selectFrom('publication as p')
    .select([
      sql<number>`count(*) filter (where p.case_count > 0)::int`.as('front_line'),
      // Whole Beijing days (date − date): a publication carries a day, not a time, so a case sent in
      // the afternoon and published that day is 0 days, never a negative fraction of one.
      sql<number | null>`(avg(greatest(0, p.published_on - (p.first_case_at at time zone 'Asia/Shanghai')::date)) filter (where p.first_case_at is not null))::float8`.as('avg_days')
    ])
    .where(inWindow(w))

export type ByType = { type: LedgerType; count: number; cents: number }
export type ByLevel = { level: OutletLevel; count: number; cents: number }

/** What the dashboard sets the figures against: the bureau's departments, the year's targets and focus topics. */
export const departmentsQuery = (db: DbOrTx, w: Window) => db.selectFrom('department').select(['id', 'name']).where('org_id', '=', w.orgId).orderBy('name').orderBy('id')
export const targetsQuery = (db: DbOrTx, w: Window) =>
  db
    .selectFrom('ledger_target as t')
    .leftJoin('department as d', 'd.id', 't.department_id')
    .select(['t.department_id', 'd.name as department_name', 't.type', 't.count', 't.points_cents'])
    .where('t.org_id', '=', w.orgId)
    .where('t.year', '=', w.year)
    .orderBy(sql`t.department_id is not null`)
    .orderBy('d.name')
    .orderBy('t.type')
export const plannedTopicsQuery = (db: DbOrTx, w: Window) => db.selectFrom('topic').select(['name', 'active']).where('org_id', '=', w.orgId).where('year', '=', w.year).orderBy('name')

/**
 * A window's statement compiled once per process (server/db/statement-template.ts): compiling the
 * eight statements with the builder took about 0.3–0.5 ms of every dashboard request, for the same
 * SQL text each time; a window changes only the parameters.
 */
type WindowStatement<O> = (db: DbOrTx, w: Window) => { compile(): CompiledQuery<O> }
const WINDOW_FIELDS = ['orgId', 'year', 'from', 'to'] as const
const templates = new WeakMap<object, (db: DbOrTx, w: Window) => CompiledQuery<unknown>>()

export function compiledFor<O>(build: WindowStatement<O>, db: DbOrTx, w: Window): CompiledQuery<O> {
  let t = templates.get(build) as ((db: DbOrTx, w: Window) => CompiledQuery<O>) | undefined
  if (!t) templates.set(build, (t = statementTemplate<Window, O>(WINDOW_FIELDS, build)))
  return t(db, w)
}

const run = async <O>(db: DbOrTx, build: WindowStatement<O>, w: Window) => (await db.executeQuery(compiledFor(build, db, w))).rows

/** Every statement the dashboard runs, all at once (on PostgreSQL each on its own pooled connection). */
export async function dashboardAggregates(db: DbOrTx, w: Window) {
  const [types, months, levels, topics, departments, departmentList, targets, planned] = await Promise.all([
    run(db, byTypeQuery, w),
    run(db, byMonthQuery, w),
    run(db, byLevelQuery, w),
    run(db, byTopicQuery, w),
    run(db, byDepartmentQuery, w),
    run(db, departmentsQuery, w),
    run(db, targetsQuery, w),
    run(db, plannedTopicsQuery, w)
  ])
  return { types, months, levels, topics, departments, departmentList, targets, planned }
}

/** The same statements, for the benchmark's floor. */
export const DASHBOARD_QUERIES = [byTypeQuery, byMonthQuery, byLevelQuery, byTopicQuery, byDepartmentQuery, departmentsQuery, targetsQuery, plannedTopicsQuery] as const
