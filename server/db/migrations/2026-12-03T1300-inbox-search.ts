import { type Kysely, sql } from 'kysely'

/**
 * Frozen: never edit after release.
 *
 * Chinese search without a segmenter or extension (pg_bigm and zhparser are not in PGlite):
 * `item.search_text` holds every searchable text of an item (case title, body, 留言码, and the
 * bodies of its timeline events: replies, notes, return notes), kept current by statement-level
 * triggers, so a bulk insert refreshes in one set-based update. A GIN index on the text's
 * character bigrams finds candidates for any query of two or more characters; the query then
 * rechecks with LIKE, which also serves one-character queries on its own.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE item ADD COLUMN search_text text NOT NULL DEFAULT ''`.execute(db)

  // Distinct lower-cased character pairs. Not inlinable (it has a FROM), so the index
  // expression and the query's expression match as the same function call.
  await sql`
    CREATE FUNCTION zb_bigrams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT substr(l, i, 2)), '{}')
      FROM (SELECT lower(t) AS l) s, generate_series(1, char_length(l) - 1) AS i
    $$`.execute(db)

  // One definition of what is searchable, for the given items; skips rows already current.
  await sql`
    CREATE FUNCTION zb_refresh_search(ids uuid[]) RETURNS void
    LANGUAGE sql AS $$
      UPDATE item SET search_text = src.txt
      FROM (
        SELECT it.id, concat_ws(E'\n', cr.title, coalesce(m.body, cr.body), m.tracking_code, ev.bodies) AS txt
        FROM (SELECT DISTINCT u.id FROM unnest(ids) AS u(id)) AS wanted
        JOIN item it ON it.id = wanted.id
        LEFT JOIN message m ON m.item_id = it.id
        LEFT JOIN case_report cr ON cr.item_id = it.id
        LEFT JOIN LATERAL (
          SELECT string_agg(e.body, E'\n' ORDER BY e.created_at, e.id) AS bodies
          FROM item_event e WHERE e.item_id = it.id AND e.body IS NOT NULL
        ) ev ON true
      ) AS src
      WHERE item.id = src.id AND item.search_text IS DISTINCT FROM src.txt
    $$`.execute(db)

  await sql`
    CREATE FUNCTION zb_search_source_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM zb_refresh_search(ARRAY(SELECT item_id FROM changed_rows));
      RETURN NULL;
    END $$`.execute(db)

  // PostgreSQL allows one event per trigger with a transition table, hence two per table.
  for (const table of ['message', 'case_report', 'item_event']) {
    for (const event of ['INSERT', 'UPDATE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_search_${event.toLowerCase()} AFTER ${event} ON ${table}
           REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION zb_search_source_changed()`
        )
        .execute(db)
    }
  }
  await sql`SELECT zb_refresh_search(ARRAY(SELECT id FROM item))`.execute(db)

  // fastupdate off: PGlite never vacuums, so a pending list would only ever grow until an insert
  // flushes it, and every search would scan it meanwhile (and the planner shuns such an index).
  await sql`CREATE INDEX item_search_bigrams_idx ON item USING gin (zb_bigrams(search_text)) WITH (fastupdate = off)`.execute(db)
  await sql`CREATE INDEX item_topics_idx ON item USING gin (topics) WITH (fastupdate = off)`.execute(db)
  // One btree per inbox sort and per common filter with its newest-first keyset.
  await sql`CREATE INDEX item_org_assignee_idx ON item (org_id, assignee_id, created_at DESC, id DESC)`.execute(db)
  await sql`CREATE INDEX item_org_department_idx ON item (org_id, department_id, created_at DESC, id DESC)`.execute(db)
  await sql`CREATE INDEX item_org_due_sort_idx ON item (org_id, (coalesce(due_at, 'infinity'::timestamptz)), id)`.execute(db)
  await sql`CREATE INDEX item_org_priority_sort_idx ON item (org_id, (-priority), created_at, id)`.execute(db)

  await db.schema
    .createTable('saved_view')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    // The inbox filter and sort, validated against domain/schemas/inbox.ts before it is stored.
    .addColumn('query', 'jsonb', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('saved_view_owner_label_key', ['owner_id', 'label'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_view').execute()
  for (const table of ['message', 'case_report', 'item_event']) {
    for (const event of ['insert', 'update']) await sql.raw(`DROP TRIGGER ${table}_search_${event} ON ${table}`).execute(db)
  }
  await sql`DROP FUNCTION zb_search_source_changed()`.execute(db)
  await sql`DROP FUNCTION zb_refresh_search(uuid[])`.execute(db)
  for (const idx of ['item_search_bigrams_idx', 'item_topics_idx', 'item_org_assignee_idx', 'item_org_department_idx', 'item_org_due_sort_idx', 'item_org_priority_sort_idx']) {
    await sql.raw(`DROP INDEX ${idx}`).execute(db)
  }
  await sql`DROP FUNCTION zb_bigrams(text)`.execute(db)
  await sql`ALTER TABLE item DROP COLUMN search_text`.execute(db)
}
