import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('media')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('thumb_key', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'timestamptz')
    // Evidence of where an officer's photo was taken; always null for citizens' uploads.
    .addColumn('gps_lat', 'double precision')
    .addColumn('gps_lng', 'double precision')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // The same photo uploaded twice by one person is one row (a retried upload is harmless).
    .addUniqueConstraint('media_owner_sha_key', ['owner_id', 'sha256'])
    .execute()

  await db.schema
    .createTable('case_report')
    .addColumn('item_id', 'uuid', (c) => c.primaryKey().references('item.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('place_address', 'text')
    .addColumn('place_lat', 'double precision')
    .addColumn('place_lng', 'double precision')
    .execute()

  await db.schema
    .createTable('item_media')
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('media_id', 'uuid', (c) => c.notNull().references('media.id'))
    .addColumn('position', 'smallint', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_media_pkey', ['item_id', 'position'])
    .execute()
  await db.schema.createIndex('item_media_media_idx').on('item_media').column('media_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['item_media', 'case_report', 'media']) await db.schema.dropTable(t).execute()
}
