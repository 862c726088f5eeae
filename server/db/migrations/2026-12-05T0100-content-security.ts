import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release.
// Content security (issue 8).
//
// 1. wechat_token: the mini-program's access_token from cgi-bin/stable_token, one row per appid,
//    shared by every server process. It is a platform credential, not a bureau's data, so it has
//    no org_id: several bureaus served by one mini-program use the same token.
// 2. item.moderation: whether a submitted text may be shown (domain/moderation/): 'clear', 'held'
//    for staff review, 'rejected'. moderation_note says which part was flagged and WeChat's label.
// 3. media.moderation and the asynchronous image check (wxa/media_check_async): the trace id
//    WeChat answers with, when it was asked, what it said.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('wechat_token')
    .addColumn('appid', 'text', (c) => c.primaryKey())
    .addColumn('access_token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .alterTable('item')
    .addColumn('moderation', 'text', (c) => c.notNull().defaultTo('clear').check(sql`moderation in ('clear', 'held', 'rejected')`))
    .execute()
  await db.schema.alterTable('item').addColumn('moderation_note', 'text').execute()
  // The staff queue reads held items of a bureau, oldest first; the rest of the table is clear.
  await sql`CREATE INDEX item_held_idx ON item (org_id, created_at) WHERE moderation <> 'clear'`.execute(db)

  await db.schema
    .alterTable('media')
    .addColumn('moderation', 'text', (c) => c.notNull().defaultTo('clear').check(sql`moderation in ('pending', 'clear', 'held', 'quarantined')`))
    .execute()
  await db.schema.alterTable('media').addColumn('check_trace_id', 'text').execute()
  await db.schema.alterTable('media').addColumn('check_requested_at', 'timestamptz').execute()
  await db.schema.alterTable('media').addColumn('check_label', 'integer').execute()
  await sql`CREATE UNIQUE INDEX media_check_trace_idx ON media (check_trace_id) WHERE check_trace_id IS NOT NULL`.execute(db)
  await sql`CREATE INDEX media_pending_check_idx ON media (check_requested_at) WHERE moderation = 'pending'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS media_pending_check_idx`.execute(db)
  await sql`DROP INDEX IF EXISTS media_check_trace_idx`.execute(db)
  for (const column of ['check_label', 'check_requested_at', 'check_trace_id', 'moderation']) await db.schema.alterTable('media').dropColumn(column).execute()
  await sql`DROP INDEX IF EXISTS item_held_idx`.execute(db)
  await db.schema.alterTable('item').dropColumn('moderation_note').execute()
  await db.schema.alterTable('item').dropColumn('moderation').execute()
  await db.schema.dropTable('wechat_token').execute()
}
