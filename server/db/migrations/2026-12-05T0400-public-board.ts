import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release. Values are written out, not read from domain/.
const STATUSES = ['proposed', 'published', 'declined', 'withdrawn']
const LIVE = ['proposed', 'published']
const CATEGORIES = ['complaint', 'tipoff', 'question', 'suggestion', 'praise']
const list = (values: string[]) => sql.join(values.map((v) => sql.lit(v)))

/**
 * The public board (选登). An entry keeps the staff-corrected source texts and masked spans
 * (internal) beside the public texts they produce; only the public ones are ever served or
 * searched. `version` is bumped by every correction, so an approval names what it approved.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE board_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES org(id),
      item_id uuid NOT NULL REFERENCES item(id),
      status text NOT NULL CHECK (status IN (${list(STATUSES)})),
      category text NOT NULL CHECK (category IN (${list(CATEGORIES)})),
      version integer NOT NULL DEFAULT 1,
      question_text text NOT NULL,
      question_spans jsonb NOT NULL DEFAULT '[]',
      question_public text NOT NULL,
      answer_text text NOT NULL,
      answer_spans jsonb NOT NULL DEFAULT '[]',
      answer_public text NOT NULL,
      search_text text GENERATED ALWAYS AS (question_public || E'\n' || answer_public) STORED,
      proposed_by uuid NOT NULL REFERENCES app_user(id),
      proposed_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid NOT NULL REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      published_at timestamptz,
      reason text,
      withdrawn_by uuid REFERENCES app_user(id),
      withdrawn_at timestamptz,
      CHECK (status <> 'published' OR published_at IS NOT NULL)
    )`.execute(db)
  // A message is on the board (or waiting for it) at most once; a declined or withdrawn one may be proposed again.
  await sql`CREATE UNIQUE INDEX board_entry_live_item_idx ON board_entry (item_id) WHERE status IN (${list(LIVE)})`.execute(db)
  // The public list, newest first, per category or not (keyset on published_at, id).
  await sql`CREATE INDEX board_entry_public_idx ON board_entry (org_id, published_at DESC, id DESC) WHERE status = 'published'`.execute(db)
  await sql`CREATE INDEX board_entry_public_category_idx ON board_entry (org_id, category, published_at DESC, id DESC) WHERE status = 'published'`.execute(db)
  // The desk's queue, newest proposal first.
  await sql`CREATE INDEX board_entry_queue_idx ON board_entry (org_id, status, proposed_at DESC, id DESC)`.execute(db)
  // Search reuses the inbox's bigram function (migration 2026-12-03T1300) over the public text only.
  await sql`CREATE INDEX board_entry_search_idx ON board_entry USING gin (zb_bigrams(search_text)) WITH (fastupdate = off) WHERE status = 'published'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE board_entry`.execute(db)
}
