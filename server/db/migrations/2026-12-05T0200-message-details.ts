import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release.
// What a citizen's message says beyond its text (domain/message/rules.ts): the business it
// concerns, who a praise names, where it happened. Lengths and formats are checked here too, so
// a row is never stored that the API would refuse. The per-category rules (a complaint needs a
// phone and a business) are the API's: contact details are erased later by the retention job,
// and old complaints have no business, so they are not CHECKs. Literal lengths, never imports:
// a frozen migration does not follow later edits of domain/limits.ts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('message')
    .addColumn('business_name', 'text')
    .addColumn('business_credit_code', 'text')
    .addColumn('praised', 'text')
    .addColumn('place_address', 'text')
    .addColumn('place_lat', 'double precision')
    .addColumn('place_lng', 'double precision')
    .execute()
  const checks: [string, ReturnType<typeof sql>][] = [
    ['message_business_name_check', sql`business_name is null or char_length(business_name) between 1 and 100`],
    // A code needs its business; the check character itself is verified by the API (GB 32100-2015).
    ['message_business_credit_code_check', sql`business_credit_code is null or (business_name is not null and business_credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$')`],
    ['message_praised_check', sql`praised is null or char_length(praised) between 1 and 60`],
    ['message_place_address_check', sql`place_address is null or char_length(place_address) between 1 and 200`],
    // A map point is both coordinates or neither, within the globe, and only with an address.
    [
      'message_place_point_check',
      sql`(place_lat is null and place_lng is null) or (place_address is not null and place_lat between -90 and 90 and place_lng between -180 and 180)`
    ],
    // Anonymous: tip-offs only, and nothing to reach the author by.
    ['message_anonymous_check', sql`not anonymous or (category = 'tipoff' and contact_phone is null)`]
  ]
  for (const [name, check] of checks) await db.schema.alterTable('message').addCheckConstraint(name, check).execute()
  // The desk searches by business, praised and place too: the inbox search's one definition of
  // what is searchable (2026-12-03T1300) gains those columns.
  await refreshSearchFunction(db, sql`concat_ws(E'\n', cr.title, coalesce(m.body, cr.body), m.tracking_code, m.business_name, m.business_credit_code, m.praised, m.place_address, ev.bodies)`)
}

async function refreshSearchFunction(db: Kysely<any>, text: ReturnType<typeof sql>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION zb_refresh_search(ids uuid[]) RETURNS void
    LANGUAGE sql AS $$
      UPDATE item SET search_text = src.txt
      FROM (
        SELECT it.id, ${text} AS txt
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
}

export async function down(db: Kysely<any>): Promise<void> {
  await refreshSearchFunction(db, sql`concat_ws(E'\n', cr.title, coalesce(m.body, cr.body), m.tracking_code, ev.bodies)`)
  for (const name of ['message_business_name_check', 'message_business_credit_code_check', 'message_praised_check', 'message_place_address_check', 'message_place_point_check', 'message_anonymous_check']) {
    await db.schema.alterTable('message').dropConstraint(name).execute()
  }
  await db.schema
    .alterTable('message')
    .dropColumn('business_name')
    .dropColumn('business_credit_code')
    .dropColumn('praised')
    .dropColumn('place_address')
    .dropColumn('place_lat')
    .dropColumn('place_lng')
    .execute()
}
