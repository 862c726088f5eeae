import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per sign-in (a "family" of refresh tokens). Access tokens name it, so revoking the
  // row ends the sign-in on the next request.
  await db.schema
    .createTable('session')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('refreshed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_reason', 'text')
    .execute()
  await db.schema.createIndex('session_user_idx').on('session').columns(['user_id', 'revoked_at']).execute()

  // Every refresh token ever issued, by SHA-256 (they are random, so no slow hash is needed).
  // A token with used_at set was rotated: presenting it again means it was copied.
  await db.schema
    .createTable('refresh_token')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('session.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('used_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('refresh_token_session_idx').on('refresh_token').column('session_id').execute()

  await db.schema
    .alterTable('app_user')
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()
  // The first admin created before this migration still holds its one-time password.
  await sql`update app_user set must_change_password = true where username = 'admin' and password_hash is not null`.execute(db)

  // A message and a case may carry the same client id: they are different things.
  await db.schema.alterTable('item').dropConstraint('item_org_author_client_key').execute()
  await db.schema
    .alterTable('item')
    .addUniqueConstraint('item_org_author_kind_client_key', ['org_id', 'author_id', 'kind', 'client_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('item').dropConstraint('item_org_author_kind_client_key').execute()
  await db.schema.alterTable('item').addUniqueConstraint('item_org_author_client_key', ['org_id', 'author_id', 'client_id']).execute()
  await db.schema.alterTable('app_user').dropColumn('must_change_password').execute()
  await db.schema.dropTable('refresh_token').execute()
  await db.schema.dropTable('session').execute()
}
