import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release. Recording a publication is idempotent on the id the form
// gave it (a retry after a lost answer, a double tap): the first write wins, as for items.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('publication').addColumn('client_id', 'text').execute()
  await sql`create unique index publication_client_key on publication (org_id, recorded_by, client_id) where client_id is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index publication_client_key`.execute(db)
  await db.schema.alterTable('publication').dropColumn('client_id').execute()
}
