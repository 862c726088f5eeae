import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release. The bell's kinds for the 三审 (notification_kind, migration
// 2026-12-05T0000): a draft waits for my review, my draft was returned, my draft was approved.
const KINDS = ['review_requested', 'draft_returned', 'draft_approved']

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('notification_kind')
    .values(KINDS.map((kind) => ({ kind })))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DELETE FROM notification WHERE kind IN (${sql.join(KINDS.map((k) => sql.lit(k)))})`.execute(db)
  await sql`DELETE FROM notification_kind WHERE kind IN (${sql.join(KINDS.map((k) => sql.lit(k)))})`.execute(db)
}
