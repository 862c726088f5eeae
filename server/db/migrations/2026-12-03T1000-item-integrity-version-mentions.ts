import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release. The value lists are written out, not read from domain/, so
// that this migration means the same thing forever; a test checks they match the tables today.
const MESSAGE_STATUSES = ['new', 'accepted', 'in_progress', 'replied', 'closed', 'rejected', 'reopened']
const CASE_STATUSES = ['new', 'accepted', 'used', 'published', 'returned', 'resubmitted', 'archived']
const CATEGORIES = ['complaint', 'tipoff', 'question', 'suggestion', 'praise']

const list = (values: string[]) => sql.join(values.map((v) => sql.lit(v)))

export async function up(db: Kysely<any>): Promise<void> {
  // The database refuses what the domain cannot mean, whatever code writes the row. (Kind has
  // had its check since the first migration; the status check names the kind again.)
  await sql`alter table item add constraint item_status_check check (
    (kind = 'message' and status in (${list(MESSAGE_STATUSES)})) or (kind = 'case' and status in (${list(CASE_STATUSES)}))
  )`.execute(db)
  await sql`alter table item add constraint item_priority_check check (priority between 0 and 2)`.execute(db)
  await sql`alter table message add constraint message_category_check check (category in (${list(CATEGORIES)}))`.execute(db)

  // Optimistic concurrency: every change bumps it; an action on an older version is refused.
  await db.schema.alterTable('item').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute()
  await sql`alter table item add constraint item_version_check check (version >= 1)`.execute(db)

  // A message out of jurisdiction names the body it was passed on to.
  await db.schema.alterTable('item_event').addColumn('transferred_to', 'text').execute()

  // @姓名 in an internal note: who was mentioned, for 提到我的.
  await db.schema
    .createTable('item_mention')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('item_event.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addPrimaryKeyConstraint('item_mention_pkey', ['event_id', 'user_id'])
    .execute()
  await db.schema.createIndex('item_mention_user_idx').on('item_mention').columns(['user_id', 'created_at desc']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('item_mention').execute()
  await db.schema.alterTable('item_event').dropColumn('transferred_to').execute()
  await db.schema.alterTable('item').dropColumn('version').execute()
  for (const c of ['item_status_check', 'item_priority_check']) await sql`alter table item drop constraint ${sql.id(c)}`.execute(db)
  await sql`alter table message drop constraint message_category_check`.execute(db)
}
