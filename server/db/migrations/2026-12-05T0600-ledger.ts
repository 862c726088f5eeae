import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release.
// The publication ledger (发表台账): outlets, yearly scoring rules, targets, publications and
// their credits. Points are integer cents and shares integer basis points (1/10000), so sums
// in SQL are exact and no numeric string ever reaches JavaScript.
export async function up(db: Kysely<any>): Promise<void> {
  const levels = sql`('central', 'provincial', 'city', 'county', 'bulletin', 'own_media')`
  const types = sql`('news', 'information', 'research')`

  await db.schema
    .createTable('outlet')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ${levels}`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('outlet_org_name_key', ['org_id', 'name'])
    .execute()

  // One rule set per bureau and year (domain/ledger/rules.ts ScoringRules, as JSON).
  await db.schema
    .createTable('scoring_rule')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('scoring_rule_org_year_key', ['org_id', 'year'])
    .execute()

  // Targets per year × department × type; department null is the bureau's whole-year target.
  await db.schema
    .createTable('ledger_target')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('department_id', 'uuid', (c) => c.references('department.id'))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ${types}`))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addColumn('points_cents', 'integer', (c) => c.check(sql`points_cents >= 0`))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // NULLS NOT DISTINCT (PostgreSQL 15+): one bureau-wide row per year and type too.
  await sql`create unique index ledger_target_key on ledger_target (org_id, year, department_id, type) nulls not distinct`.execute(db)

  await db.schema
    .createTable('publication')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('draft_id', 'uuid', (c) => c.notNull().references('draft.id'))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ${types}`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('outlet_id', 'uuid', (c) => c.notNull().references('outlet.id'))
    // Copied from the outlet when recorded: a later change of the outlet's level rewrites nothing.
    .addColumn('outlet_level', 'text', (c) => c.notNull().check(sql`outlet_level in ${levels}`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('newspaper', 'tv', 'radio', 'website', 'wechat', 'weibo', 'douyin')`))
    .addColumn('placement', 'text', (c) => c.notNull().check(sql`placement in ('front_headline', 'front_page', 'key_news', 'general')`))
    .addColumn('published_on', 'date', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('link', 'text')
    .addColumn('proof_media_id', 'uuid', (c) => c.references('media.id'))
    .addColumn('leader_comment', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('adopted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('deductions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    // The draft's focus topics and whether it was built from officers' cases (front-line material).
    .addColumn('topics', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('case_count', 'integer', (c) => c.notNull().defaultTo(0))
    // When the earliest case the draft used was submitted: case → publication time.
    .addColumn('first_case_at', 'timestamptz')
    .addColumn('points_cents', 'integer', (c) => c.notNull())
    .addColumn('rule_year', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('recalculated_at', 'timestamptz')
    .addCheckConstraint('publication_proof_check', sql`link is not null or proof_media_id is not null`)
    .addCheckConstraint('publication_year_of_day_check', sql`year = extract(year from published_on)::int`)
    .execute()
  await db.schema.createIndex('publication_org_year_idx').on('publication').columns(['org_id', 'year', 'published_on']).execute()
  await db.schema.createIndex('publication_draft_idx').on('publication').columns(['draft_id']).execute()

  await db.schema
    .createTable('publication_credit')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('publication_id', 'uuid', (c) => c.notNull().references('publication.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('department_id', 'uuid', (c) => c.references('department.id'))
    .addColumn('share_bp', 'integer', (c) => c.notNull().check(sql`share_bp between 1 and 10000`))
    .addColumn('points_cents', 'integer', (c) => c.notNull())
    // Order among the piece's authors or departments: the first takes the rounding remainder.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addCheckConstraint('publication_credit_one_check', sql`(user_id is null) <> (department_id is null)`)
    .execute()
  await db.schema.createIndex('publication_credit_pub_idx').on('publication_credit').columns(['publication_id']).execute()
  // The dashboard sums department credits of one bureau's year.
  await sql`create index publication_credit_dept_idx on publication_credit (org_id, department_id) include (publication_id, share_bp, points_cents) where department_id is not null`.execute(db)

  // Who recalculated which year, when, and what it changed.
  await db.schema
    .createTable('ledger_recalculation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('recalculated_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('recalculated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('publications', 'integer', (c) => c.notNull())
    .addColumn('changed', 'integer', (c) => c.notNull())
    .addColumn('points_before_cents', 'bigint', (c) => c.notNull())
    .addColumn('points_after_cents', 'bigint', (c) => c.notNull())
    .execute()

  // A department behind its yearly target is told (migration 2026-12-05T0000: kinds are rows).
  await db.insertInto('notification_kind').values({ kind: 'target_shortfall' }).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from notification where kind = 'target_shortfall'`.execute(db)
  await sql`delete from notification_kind where kind = 'target_shortfall'`.execute(db)
  for (const t of ['ledger_recalculation', 'publication_credit', 'publication', 'ledger_target', 'scoring_rule', 'outlet']) await db.schema.dropTable(t).execute()
}
