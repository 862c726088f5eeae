import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release.
// The citizen's follow-up: ratings, subscribe-message grants, retention of contact details.
//
// 1. item_event.rating: the citizen's verdict given with close or reopen (满意 / 基本满意 /
//    不满意). On the event rather than on the message, so a message reopened and answered again
//    keeps both ratings and the monthly report counts each where it was given. message.rating
//    (a smallint nobody wrote) goes.
// 2. subscribe_grant: one row per subscribe-message template the citizen accepted for one
//    message (one-time templates: one message per grant). A send claims a grant by its
//    `send_key` (the change it reports), so a retried job reuses its own grant instead of
//    spending a second one; `outcome` records what WeChat said (sent, or refused with 43101).
// 3. message.contact_erased_at: when the retention job erased the contact details of a closed
//    message (the erasure itself is also an event on the item).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('item_event')
    .addColumn('rating', 'text', (c) => c.check(sql`rating IN ('satisfied', 'basically_satisfied', 'dissatisfied')`))
    .execute()
  await sql`CREATE INDEX item_event_rating_idx ON item_event (org_id, created_at) WHERE rating IS NOT NULL`.execute(db)
  await db.schema.alterTable('message').dropColumn('rating').execute()
  await db.schema.alterTable('message').addColumn('contact_erased_at', 'timestamptz').execute()

  await db.schema
    .createTable('subscribe_grant')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('template_id', 'text', (c) => c.notNull().check(sql`length(template_id) BETWEEN 1 AND 128`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('send_key', 'text')
    .addColumn('used_at', 'timestamptz')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome IN ('sent', 'refused')`))
    .addColumn('errcode', 'integer')
    .execute()
  await sql`CREATE INDEX subscribe_grant_unused_idx ON subscribe_grant (item_id, template_id) WHERE send_key IS NULL`.execute(db)
  await sql`CREATE UNIQUE INDEX subscribe_grant_send_key_idx ON subscribe_grant (item_id, template_id, send_key) WHERE send_key IS NOT NULL`.execute(db)
  // The retention job's scan: closed messages whose contact details are still kept.
  await sql`CREATE INDEX item_closed_at_idx ON item (closed_at) WHERE closed_at IS NOT NULL`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS item_closed_at_idx`.execute(db)
  await db.schema.dropTable('subscribe_grant').execute()
  await db.schema.alterTable('message').dropColumn('contact_erased_at').execute()
  await db.schema.alterTable('message').addColumn('rating', 'smallint').execute()
  await sql`DROP INDEX IF EXISTS item_event_rating_idx`.execute(db)
  await db.schema.alterTable('item_event').dropColumn('rating').execute()
}
