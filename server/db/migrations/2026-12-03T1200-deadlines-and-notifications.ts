import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release.
export async function up(db: Kysely<any>): Promise<void> {
  // An admin's change to a default deadline; null working_days switches the deadline off.
  await db.schema
    .createTable('deadline_rule')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('message', 'case')`))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('clock_start', 'text', (c) => c.notNull().check(sql`clock_start in ('created', 'accepted')`))
    .addColumn('working_days', 'integer', (c) => c.check(sql`working_days between 1 and 365`))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('deadline_rule_key', ['org_id', 'kind', 'category', 'clock_start'])
    .execute()

  // A year entered by an admin: its holidays (is_working false) and 调休 make-up days (true).
  await db.schema
    .createTable('calendar_override')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('is_working', 'boolean', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('calendar_override_org_day_key', ['org_id', 'day'])
    .execute()

  await db.schema
    .createTable('notification')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('assigned', 'mentioned', 'due_soon', 'overdue')`))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('body', 'text')
    // One notification per event and person (or per reminder day): a rerun job inserts nothing.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('read_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'created_at desc', 'id desc']).execute()

  // Reminders and the overdue report read open items by deadline.
  await sql`create index item_open_due_idx on item (org_id, due_at) where due_at is not null and closed_at is null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists item_open_due_idx`.execute(db)
  for (const t of ['notification', 'calendar_override', 'deadline_rule']) await db.schema.dropTable(t).execute()
}
