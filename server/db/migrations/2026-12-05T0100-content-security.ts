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
// 4. The live triggers (2026-12-04T0300) announce only clear items: a held one must not reach
//    the desk's live feed; approving it (moderation moves to clear) announces it then.
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

  await sql`
    CREATE OR REPLACE FUNCTION zb_item_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF (SELECT count(*) FROM new_rows) > 100 THEN
        PERFORM zb_notify_resync(org_id) FROM (SELECT DISTINCT org_id FROM new_rows) o;
      ELSE
        PERFORM zb_notify_item(id, version, status, kind, org_id) FROM new_rows WHERE moderation = 'clear';
      END IF;
      RETURN NULL;
    END $$`.execute(db)
  await sql`
    CREATE OR REPLACE FUNCTION zb_item_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE n bigint;
    BEGIN
      SELECT count(*) INTO n FROM new_rows nr JOIN old_rows o ON o.id = nr.id
        WHERE nr.moderation = 'clear'
          AND (nr.version IS DISTINCT FROM o.version OR nr.status IS DISTINCT FROM o.status OR nr.moderation IS DISTINCT FROM o.moderation);
      IF n > 100 THEN
        PERFORM zb_notify_resync(org_id) FROM (SELECT DISTINCT org_id FROM new_rows) o;
      ELSIF n > 0 THEN
        PERFORM zb_notify_item(nr.id, nr.version, nr.status, nr.kind, nr.org_id) FROM new_rows nr JOIN old_rows o ON o.id = nr.id
          WHERE nr.moderation = 'clear'
            AND (nr.version IS DISTINCT FROM o.version OR nr.status IS DISTINCT FROM o.status OR nr.moderation IS DISTINCT FROM o.moderation);
      END IF;
      RETURN NULL;
    END $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  // Back to 2026-12-04T0300's triggers (every item announced).
  await sql`
    CREATE OR REPLACE FUNCTION zb_item_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF (SELECT count(*) FROM new_rows) > 100 THEN
        PERFORM zb_notify_resync(org_id) FROM (SELECT DISTINCT org_id FROM new_rows) o;
      ELSE
        PERFORM zb_notify_item(id, version, status, kind, org_id) FROM new_rows;
      END IF;
      RETURN NULL;
    END $$`.execute(db)
  await sql`
    CREATE OR REPLACE FUNCTION zb_item_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE n bigint;
    BEGIN
      SELECT count(*) INTO n FROM new_rows nr JOIN old_rows o ON o.id = nr.id
        WHERE nr.version IS DISTINCT FROM o.version OR nr.status IS DISTINCT FROM o.status;
      IF n > 100 THEN
        PERFORM zb_notify_resync(org_id) FROM (SELECT DISTINCT org_id FROM new_rows) o;
      ELSIF n > 0 THEN
        PERFORM zb_notify_item(nr.id, nr.version, nr.status, nr.kind, nr.org_id) FROM new_rows nr JOIN old_rows o ON o.id = nr.id
          WHERE nr.version IS DISTINCT FROM o.version OR nr.status IS DISTINCT FROM o.status;
      END IF;
      RETURN NULL;
    END $$`.execute(db)
  await sql`DROP INDEX IF EXISTS media_pending_check_idx`.execute(db)
  await sql`DROP INDEX IF EXISTS media_check_trace_idx`.execute(db)
  for (const column of ['check_label', 'check_requested_at', 'check_trace_id', 'moderation']) await db.schema.alterTable('media').dropColumn(column).execute()
  await sql`DROP INDEX IF EXISTS item_held_idx`.execute(db)
  await db.schema.alterTable('item').dropColumn('moderation_note').execute()
  await db.schema.alterTable('item').dropColumn('moderation').execute()
  await db.schema.dropTable('wechat_token').execute()
}
