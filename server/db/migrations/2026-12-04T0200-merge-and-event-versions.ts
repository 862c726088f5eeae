import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release. The value lists are written out, not read from domain/, so
// that this migration means the same thing forever; test/server/migrations.test.ts checks they
// match the tables today.
const MESSAGE_STATUSES = ['new', 'accepted', 'in_progress', 'replied', 'closed', 'rejected', 'reopened', 'merged']
const PREVIOUS_MESSAGE_STATUSES = ['new', 'accepted', 'in_progress', 'replied', 'closed', 'rejected', 'reopened']
const CASE_STATUSES = ['new', 'accepted', 'used', 'published', 'returned', 'resubmitted', 'archived']

const list = (values: string[]) => sql.join(values.map((v) => sql.lit(v)))
const statusCheck = (messageStatuses: string[]) =>
  sql`(kind = 'message' and status in (${list(messageStatuses)})) or (kind = 'case' and status in (${list(CASE_STATUSES)}))`

export async function up(db: Kysely<any>): Promise<void> {
  // A message merged into another (status `merged`) always names its survivor, never itself.
  await sql`alter table item drop constraint item_status_check`.execute(db)
  await sql`alter table item add constraint item_status_check check (${statusCheck(MESSAGE_STATUSES)})`.execute(db)
  await sql`alter table item add constraint item_merged_target_check check (
    (status <> 'merged' or duplicate_of is not null) and (duplicate_of is null or duplicate_of <> id)
  )`.execute(db)
  // What was merged into an item (its detail lists them) and the duplicates' same-phone look-up.
  await sql`create index item_duplicate_of_idx on item (duplicate_of) where duplicate_of is not null`.execute(db)
  await sql`create index message_contact_phone_idx on message (contact_phone) where contact_phone is not null`.execute(db)

  // The item's version right after each event, so a stale request hears every change made since
  // the version it saw (who did what), not only the last one. Older events stay null.
  await db.schema.alterTable('item_event').addColumn('item_version', 'integer').execute()
  await sql`create index item_event_item_version_idx on item_event (item_id, item_version) where item_version is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index item_event_item_version_idx`.execute(db)
  await db.schema.alterTable('item_event').dropColumn('item_version').execute()
  await sql`drop index message_contact_phone_idx`.execute(db)
  await sql`drop index item_duplicate_of_idx`.execute(db)
  await sql`alter table item drop constraint item_merged_target_check`.execute(db)
  await sql`alter table item drop constraint item_status_check`.execute(db)
  await sql`alter table item add constraint item_status_check check (${statusCheck(PREVIOUS_MESSAGE_STATUSES)})`.execute(db)
}
