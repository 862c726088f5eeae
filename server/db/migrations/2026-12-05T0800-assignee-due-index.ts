import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release. 我的待办 (assignee = me, due soonest first) is the view each
// desk member opens most. Through the due-order index alone it read every bureau item in due
// order and kept one in twenty (1,900 rows for a page at 1M items, 3–8 ms); with the assignee
// ahead of the sort keys it reads the page's own rows. The same expressions as
// item_org_due_sort_idx, so the inbox's keyset row comparison uses it unchanged.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX item_org_assignee_due_idx ON item (org_id, assignee_id, (coalesce(due_at, 'infinity'::timestamptz)), id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX item_org_assignee_due_idx`.execute(db)
}
