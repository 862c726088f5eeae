import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release.
export async function up(db: Kysely<any>): Promise<void> {
  // A disabled account cannot sign in; the token check refuses it at once (see findUserOfLiveSession).
  await db.schema.alterTable('app_user').addColumn('disabled_at', 'timestamptz').execute()

  // The bureau's focus topics (重点主题), per year. Items keep their topics as text[]: tagging
  // checks against this table, reports on past years still read the names stored on the item.
  await db.schema
    .createTable('topic')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('topic_org_year_name_key', ['org_id', 'year', 'name'])
    .execute()

  // Admin-managed reply templates with placeholders (domain/canned-replies.ts renders them).
  await db.schema
    .createTable('canned_reply')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // The message action choosing the template takes (e.g. reply); null: only fills the text.
    .addColumn('action', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('canned_reply_org_idx').on('canned_reply').columns(['org_id', 'title']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('canned_reply').execute()
  await db.schema.dropTable('topic').execute()
  await db.schema.alterTable('app_user').dropColumn('disabled_at').execute()
}
