import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release. The value lists are written out, not read from domain/, so
// that this migration means the same thing forever; test/server/migrations.test.ts checks they
// match domain/draft today.
const DRAFT_TYPES = ['news', 'information', 'research']
const DRAFT_STATUSES = ['drafting', 'first_review', 'second_review', 'final_review', 'approved', 'published', 'withdrawn']
const REVIEW_STAGES = ['first_review', 'second_review', 'final_review']
const FLAG_KINDS = ['personal_data', 'expression', 'figure']

const list = (values: string[]) => sql.join(values.map((v) => sql.lit(v)))

/**
 * Issue 9, drafts and 三审. A draft (稿件) is written from accepted cases; every save is a
 * draft_version; draft_event is its append-only timeline (who signed which stage); reviewers of
 * each stage are configured per department (draft_reviewer). Publication (ledger) builds on it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('draft')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in (${list(DRAFT_TYPES)})`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('drafting').check(sql`status in (${list(DRAFT_STATUSES)})`))
    // The number of the latest draft_version: a save or a review made against an older one is refused (409).
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    // Whose reviewers sign it (draft_reviewer) and whose target it counts towards.
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('department.id'))
    // Focus topics (重点主题) by name, as items keep theirs: past years still read the names.
    .addColumn('topics', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('withdrawn_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('draft_org_status_idx').on('draft').columns(['org_id', 'status', 'updated_at desc']).execute()
  await db.schema.createIndex('draft_author_idx').on('draft').columns(['author_id', 'updated_at desc']).execute()

  await db.schema
    .createTable('draft_version')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('draft_id', 'uuid', (c) => c.notNull().references('draft.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('title', 'text', (c) => c.notNull())
    // Structured content (domain/draft/content.ts): blocks of text runs, never HTML.
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('draft_version_number_key', ['draft_id', 'number'])
    .execute()

  // The cases a draft is written from; a case may feed several drafts.
  await db.schema
    .createTable('draft_case')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('draft_id', 'uuid', (c) => c.notNull().references('draft.id').onDelete('cascade'))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('item.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('draft_case_pkey', ['draft_id', 'item_id'])
    .execute()
  await db.schema.createIndex('draft_case_item_idx').on('draft_case').columns(['item_id']).execute()

  // Credited authors (people) and departments, each with a share in percent of the draft's points.
  await db.schema
    .createTable('draft_credit')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('draft_id', 'uuid', (c) => c.notNull().references('draft.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('department_id', 'uuid', (c) => c.references('department.id'))
    .addColumn('share_percent', 'integer', (c) => c.notNull().check(sql`share_percent between 1 and 100`))
    .addCheckConstraint('draft_credit_one_party_check', sql`(user_id is null) <> (department_id is null)`)
    .execute()
  await sql`create unique index draft_credit_user_key on draft_credit (draft_id, user_id) where user_id is not null`.execute(db)
  await sql`create unique index draft_credit_department_key on draft_credit (draft_id, department_id) where department_id is not null`.execute(db)

  // Append-only timeline: who did what, from which status (the stage signed), on which version.
  await db.schema
    .createTable('draft_event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('draft_id', 'uuid', (c) => c.notNull().references('draft.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    // The review stage acted at (approve or return), null for any other event.
    .addColumn('stage', 'text', (c) => c.check(sql`stage in (${list(REVIEW_STAGES)})`))
    .addColumn('comment', 'text')
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('draft_event_draft_idx').on('draft_event').columns(['draft_id', 'created_at']).execute()
  await sql`
    CREATE FUNCTION zb_draft_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'draft_event is append-only' USING ERRCODE = 'restrict_violation';
    END $$`.execute(db)
  // Deleting a whole draft (cascade) stays possible; single events are never rewritten.
  await sql`CREATE TRIGGER draft_event_no_update BEFORE UPDATE ON draft_event FOR EACH ROW EXECUTE FUNCTION zb_draft_event_append_only()`.execute(db)

  // Reviewers' comments on one paragraph (block id) of one version.
  await db.schema
    .createTable('draft_comment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('draft_id', 'uuid', (c) => c.notNull().references('draft.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // The block's id in that version's content; null: on the whole draft.
    .addColumn('anchor', 'text')
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('draft_comment_draft_idx').on('draft_comment').columns(['draft_id', 'version']).execute()

  // 三审 configuration: who may sign each stage of a department's drafts.
  await db.schema
    .createTable('draft_reviewer')
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('department.id'))
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in (${list(REVIEW_STAGES)})`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('draft_reviewer_pkey', ['department_id', 'stage', 'user_id'])
    .execute()
  await db.schema.createIndex('draft_reviewer_user_idx').on('draft_reviewer').columns(['user_id']).execute()

  // Pre-publication scan (发布前检查): what it found in a version, and how a reviewer dealt with it.
  await db.schema
    .createTable('draft_flag')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('draft_id', 'uuid', (c) => c.notNull().references('draft.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in (${list(FLAG_KINDS)})`))
    // What was found, as found (the ID number, the expression, the figure), and where.
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('anchor', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text')
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('acknowledge_note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('draft_flag_draft_idx').on('draft_flag').columns(['draft_id', 'version']).execute()

  // The bureau's own banned or error-prone expressions, on top of the shipped default list.
  await db.schema
    .createTable('editorial_expression')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('phrase', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('editorial_expression_org_phrase_key', ['org_id', 'phrase'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['editorial_expression', 'draft_flag', 'draft_reviewer', 'draft_comment', 'draft_event', 'draft_credit', 'draft_case', 'draft_version', 'draft']) {
    await db.schema.dropTable(t).execute()
  }
  await sql`DROP FUNCTION zb_draft_event_append_only()`.execute(db)
}
