import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release.
// Live updates and presence.
//
// 1. Every committed item change is announced on the channel `zb_item_change` by triggers, so
//    it cannot be forgotten by a code path (transitions, desk operations, batches, merges) and
//    several server processes hear each other: NOTIFY is queued inside the transaction and
//    delivered only at COMMIT (never on rollback). A change is an insert or an update that moves
//    the version or the status; the search-text refreshes touch neither and stay silent.
//    Statement-level with transition tables: a statement touching more than 100 items (a seed,
//    a bulk import) sends one `resync` per bureau instead of flooding the queue.
// 2. item_presence: who has an item open, until when (a heartbeat moves expires_at). In the
//    database rather than in memory, so every server process sees the same viewers.
// 3. item_org_activity_idx: the mini-program's polling reads changes by last_activity_at.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION zb_notify_item(id uuid, version int, status text, kind text, org_id uuid) RETURNS void LANGUAGE sql AS $$
      SELECT pg_notify('zb_item_change', json_build_object('id', id, 'version', version, 'status', status, 'kind', kind, 'orgId', org_id)::text)
    $$`.execute(db)
  await sql`
    CREATE FUNCTION zb_notify_resync(org_id uuid) RETURNS void LANGUAGE sql AS $$
      SELECT pg_notify('zb_item_change', json_build_object('orgId', org_id, 'resync', true)::text)
    $$`.execute(db)
  await sql`
    CREATE FUNCTION zb_item_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF (SELECT count(*) FROM new_rows) > 100 THEN
        PERFORM zb_notify_resync(org_id) FROM (SELECT DISTINCT org_id FROM new_rows) o;
      ELSE
        PERFORM zb_notify_item(id, version, status, kind, org_id) FROM new_rows;
      END IF;
      RETURN NULL;
    END $$`.execute(db)
  await sql`
    CREATE FUNCTION zb_item_updated() RETURNS trigger LANGUAGE plpgsql AS $$
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
  await sql`CREATE TRIGGER item_live_insert AFTER INSERT ON item REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zb_item_inserted()`.execute(db)
  await sql`CREATE TRIGGER item_live_update AFTER UPDATE ON item REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION zb_item_updated()`.execute(db)

  await db.schema
    .createTable('item_presence')
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_presence_pkey', ['item_id', 'user_id'])
    .execute()
  await sql`CREATE INDEX item_presence_expires_idx ON item_presence (expires_at)`.execute(db)
  await sql`CREATE INDEX item_org_activity_idx ON item (org_id, last_activity_at, id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS item_org_activity_idx`.execute(db)
  await db.schema.dropTable('item_presence').execute()
  await sql`DROP TRIGGER item_live_update ON item`.execute(db)
  await sql`DROP TRIGGER item_live_insert ON item`.execute(db)
  await sql`DROP FUNCTION zb_item_updated()`.execute(db)
  await sql`DROP FUNCTION zb_item_inserted()`.execute(db)
  await sql`DROP FUNCTION zb_notify_resync(uuid)`.execute(db)
  await sql`DROP FUNCTION zb_notify_item(uuid, int, text, text, uuid)`.execute(db)
}
