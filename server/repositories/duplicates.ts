import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { Item } from '../db/tables/item'
import type { ItemKind } from '../../domain/item-kinds'

export interface DuplicateRow {
  id: string
  kind: ItemKind
  status: string
  author_id: string
  /** An anonymous tip-off: its author must not be matched with anyone's. */
  anonymous: boolean | null
  created_at: Date
  title: string | null
  text: string
  phone: string | null
  address: string | null
  tracking_code: string | null
}

const columns = sql`i.id, i.kind, i.status, i.author_id, m.anonymous, i.created_at, cr.title,
  coalesce(m.body, concat_ws(E'\n', cr.title, cr.body)) AS text, m.contact_phone AS phone, cr.place_address AS address, m.tracking_code`

/** The item's own text, phone and place, as the duplicates scoring reads them. */
export async function duplicateSource(db: DbOrTx, item: Item): Promise<DuplicateRow> {
  const { rows } = await sql<DuplicateRow>`
    SELECT ${columns} FROM item i
    LEFT JOIN message m ON m.item_id = i.id
    LEFT JOIN case_report cr ON cr.item_id = i.id
    WHERE i.id = ${item.id}`.execute(db)
  return rows[0]!
}

/**
 * Items of the bureau created within the window around the item that share a bigram of its text
 * (through the inbox search's GIN index on `zb_bigrams(search_text)`), or its author, or its
 * phone; each arm uses its own index, never a scan of every item. Those with the most bigrams in
 * common come first; `limit` bounds what is scored.
 */
export interface PoolQuery {
  id: string
  orgId: string
  authorId: string
  phone: string | null
  from: Date
  to: Date
  bigrams: string[]
  excludeStatus: string
}

export async function duplicatePool(db: DbOrTx, src: PoolQuery, limit: number): Promise<DuplicateRow[]> {
  return (await duplicatePoolStatement(src, limit).execute(db)).rows
}

/** Exposed so a test can EXPLAIN it. */
export function duplicatePoolStatement(src: PoolQuery, limit: number) {
  const bigrams = sql`${src.bigrams}::text[]`
  const inWindow = sql`i.created_at >= ${src.from} AND i.created_at <= ${src.to}`
  return sql<DuplicateRow>`
    WITH pool AS (
      SELECT i.id FROM item i WHERE i.org_id = ${src.orgId} AND ${inWindow} AND zb_bigrams(i.search_text) && ${bigrams}
      UNION
      SELECT i.id FROM item i WHERE i.author_id = ${src.authorId} AND i.org_id = ${src.orgId} AND ${inWindow}
      UNION
      SELECT m.item_id FROM message m WHERE ${src.phone}::text IS NOT NULL AND m.contact_phone = ${src.phone}
    )
    SELECT ${columns},
      cardinality(ARRAY(SELECT unnest(zb_bigrams(i.search_text)) INTERSECT SELECT unnest(${bigrams}))) AS common
    FROM pool
    JOIN item i ON i.id = pool.id
    LEFT JOIN message m ON m.item_id = i.id
    LEFT JOIN case_report cr ON cr.item_id = i.id
    WHERE i.org_id = ${src.orgId} AND i.id <> ${src.id} AND i.status <> ${src.excludeStatus} AND ${inWindow}
    ORDER BY common DESC, i.created_at DESC, i.id
    LIMIT ${limit}`
}
