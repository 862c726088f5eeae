import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release; later changes get a migration of their own.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('department')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('department_org_name_key', ['org_id', 'name'])
    .execute()

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('roles', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{citizen}'`))
    .addColumn('department_id', 'uuid', (c) => c.references('department.id'))
    .addColumn('wechat_openid', 'text')
    .addColumn('username', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('dev_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('app_user_org_openid_key', ['org_id', 'wechat_openid'])
    .addUniqueConstraint('app_user_org_username_key', ['org_id', 'username'])
    .addUniqueConstraint('app_user_org_dev_key_key', ['org_id', 'dev_key'])
    .execute()

  await db.schema
    .createTable('invitation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('department_id', 'uuid', (c) => c.references('department.id'))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('redeemed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('redeemed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('item')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('message', 'case')`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('topics', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('assignee_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('department_id', 'uuid', (c) => c.references('department.id'))
    .addColumn('due_at', 'timestamptz')
    .addColumn('urgency', 'real')
    .addColumn('duplicate_of', 'uuid', (c) => c.references('item.id'))
    .addColumn('client_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('first_reply_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('last_activity_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('item_org_author_client_key', ['org_id', 'author_id', 'client_id'])
    .execute()
  // Matches the inbox query: one org, optional status, newest first, keyset on (created_at, id).
  await db.schema.createIndex('item_inbox_idx').on('item').columns(['org_id', 'status', 'created_at desc', 'id desc']).execute()
  await db.schema.createIndex('item_org_created_idx').on('item').columns(['org_id', 'created_at desc', 'id desc']).execute()
  await db.schema.createIndex('item_author_idx').on('item').columns(['author_id', 'created_at desc']).execute()

  await db.schema
    .createTable('message')
    .addColumn('item_id', 'uuid', (c) => c.primaryKey().references('item.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('contact_phone', 'text')
    .addColumn('public_consent', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('rating', 'smallint')
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .execute()

  await db.schema
    .createTable('item_event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('body', 'text')
    .addColumn('reason', 'text')
    .addColumn('is_public', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute()
  await db.schema.createIndex('item_event_item_idx').on('item_event').columns(['item_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['item_event', 'message', 'item', 'invitation', 'app_user', 'department', 'org']) {
    await db.schema.dropTable(t).execute()
  }
}
