import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release.
// Notifications that more modules can add to.
//
// 1. The kinds move from a CHECK list (which every new kind would have to drop and rewrite, and
//    two modules rewriting it would drop each other's kinds) to a lookup table that a module's
//    migration adds rows to.
// 2. Not every notification is about an inbox item: a draft waiting for review, a department
//    behind its yearly target. item_id becomes optional; subject_type/subject_id name anything
//    else (the app knows how to open each type). Either an item or a subject, or neither for a
//    plain announcement whose body says it all.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('notification_kind').addColumn('kind', 'text', (c) => c.primaryKey()).execute()
  await db
    .insertInto('notification_kind')
    .values(['assigned', 'mentioned', 'due_soon', 'overdue', 'merged_in'].map((kind) => ({ kind })))
    .execute()
  await sql`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`.execute(db)
  await sql`ALTER TABLE notification ADD CONSTRAINT notification_kind_fkey FOREIGN KEY (kind) REFERENCES notification_kind (kind)`.execute(db)
  await sql`ALTER TABLE notification ALTER COLUMN item_id DROP NOT NULL`.execute(db)
  await db.schema
    .alterTable('notification')
    .addColumn('subject_type', 'text', (c) => c.check(sql`subject_type ~ '^[a-z_]{1,32}$'`))
    .addColumn('subject_id', 'uuid')
    .execute()
  await sql`ALTER TABLE notification ADD CONSTRAINT notification_subject_pair CHECK ((subject_type IS NULL) = (subject_id IS NULL))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DELETE FROM notification WHERE item_id IS NULL`.execute(db)
  await sql`ALTER TABLE notification DROP CONSTRAINT notification_subject_pair`.execute(db)
  await db.schema.alterTable('notification').dropColumn('subject_type').dropColumn('subject_id').execute()
  await sql`ALTER TABLE notification ALTER COLUMN item_id SET NOT NULL`.execute(db)
  await sql`ALTER TABLE notification DROP CONSTRAINT notification_kind_fkey`.execute(db)
  await sql`DELETE FROM notification WHERE kind = 'merged_in'`.execute(db)
  await sql`ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind in ('assigned', 'mentioned', 'due_soon', 'overdue'))`.execute(db)
  await db.schema.dropTable('notification_kind').execute()
}
