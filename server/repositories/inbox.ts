import { sql, type RawBuilder } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { InboxItem, InboxQuery, InboxViewQuery } from '../../domain/schemas/inbox'
import { bucketOf, statusesInBucket, type InboxSort, type ItemKindName } from '../../domain/inbox-views'
import type { StatusBucket } from '../../domain/message/state-machine'
import type { MessageCategory } from '../../domain/message/categories'
import { decodeCursor, keysetPage, type CursorPart } from '../http/cursor'
import { containsTerm, highlight, searchTerms, termPosition } from './inbox-search'
import { VISIBLE_ITEM } from '../../domain/moderation/item'
import type { SignMediaUrl } from './media'
import { ANONYMOUS_AUTHOR } from '../../domain/message/contact'

/** Who is looking, and when: `assignee=me`, overdue and due-soon depend on both. */
export interface InboxViewer {
  id: string
  orgId: string
  now: Date
  /**
   * Items due before this are 即将超期: the end of the next working day in the bureau's calendar
   * (domain/deadlines dueSoonBefore), the same rule as the row's highlight and the 催办 job.
   * Needed only by a due-soon filter (services/inbox-filter.ts#viewerFor fills it in).
   */
  dueSoonBefore?: Date
}

type Sql = RawBuilder<unknown>

/**
 * Every sort is a keyset over an index of migration 2026-12-03T1300 (or the initial one): the
 * ORDER BY, the row comparison of the cursor and the index list the same expressions, so a deep
 * page costs what the first page costs. All directions are ascending over the key tuple except
 * newest, which is descending, so one row comparison serves each.
 */
interface SortDef {
  keys: Sql[]
  parts: CursorPart[]
  desc: boolean
}
const SORTS: Record<InboxSort, SortDef> = {
  newest: { keys: [sql`item.created_at`, sql`item.id`], parts: ['timestamp', 'uuid'], desc: true },
  oldest_waiting: { keys: [sql`item.created_at`, sql`item.id`], parts: ['timestamp', 'uuid'], desc: false },
  due_soonest: { keys: [sql`coalesce(item.due_at, 'infinity'::timestamptz)`, sql`item.id`], parts: ['timestamp_or_infinity', 'uuid'], desc: false },
  priority: { keys: [sql`(-item.priority)`, sql`item.created_at`, sql`item.id`], parts: ['smallint', 'timestamp', 'uuid'], desc: false }
}

function bucketCondition(bucket: StatusBucket): Sql {
  const byKind = statusesInBucket(bucket)
  const arms = (Object.keys(byKind) as ItemKindName[])
    .filter((kind) => byKind[kind].length)
    .map((kind) => sql`(item.kind = ${kind} AND item.status IN (${sql.join(byKind[kind])}))`)
  return arms.length ? sql`(${sql.join(arms, sql` OR `)})` : sql`false`
}

/** The WHERE conditions of a filter, shared by the list and the counts so both mean the same. */
export function filterConditions(f: InboxViewQuery, viewer: InboxViewer): Sql[] {
  // Held or rejected content (domain/moderation) is only in the moderation queue, never here.
  const c: Sql[] = [sql`item.org_id = ${viewer.orgId}`, sql`item.moderation = ${VISIBLE_ITEM}`]
  if (f.kind) c.push(sql`item.kind = ${f.kind}`)
  if (f.status) c.push(sql`item.status = ${f.status}`)
  if (f.bucket) c.push(bucketCondition(f.bucket))
  // A deadline only runs while the item is ours to act on.
  if ((f.overdue || f.dueSoon) && f.bucket !== 'open') c.push(bucketCondition('open'))
  if (f.overdue) c.push(sql`item.due_at < ${viewer.now}`)
  if (f.dueSoon) {
    if (!viewer.dueSoonBefore) throw new Error('a due-soon filter needs the viewer built by viewerFor (the bureau calendar)')
    c.push(sql`item.due_at >= ${viewer.now} AND item.due_at < ${viewer.dueSoonBefore}`)
  }
  if (f.category) c.push(sql`item.kind = 'message' AND EXISTS (SELECT 1 FROM message m WHERE m.item_id = item.id AND m.category = ${f.category})`)
  if (f.topic) c.push(sql`item.topics @> ARRAY[${f.topic}]::text[]`)
  if (f.department) c.push(sql`item.department_id = ${f.department}`)
  if (f.assignee === 'me') c.push(sql`item.assignee_id = ${viewer.id}`)
  else if (f.assignee === 'unassigned') c.push(sql`item.assignee_id IS NULL`)
  else if (f.assignee) c.push(sql`item.assignee_id = ${f.assignee.toLowerCase()}`)
  if (f.priority !== undefined) c.push(sql`item.priority = ${f.priority}`)
  if (f.hasPhotos !== undefined) c.push(sql`${sql.raw(f.hasPhotos ? '' : 'NOT ')}EXISTS (SELECT 1 FROM item_media im WHERE im.item_id = item.id)`)
  return [...c, ...searchConditions(searchTerms(f.q), true)]
}

function baseConditions(f: InboxViewQuery, viewer: InboxViewer): Sql[] {
  return filterConditions({ ...f, q: undefined }, viewer)
}

/**
 * Bigrams of every term of two or more characters narrow through the GIN index; containsTerm is
 * the exact test and alone serves one-character terms. Without the index (a search window,
 * below) containsTerm alone decides: it implies the bigrams, and
 * zb_bigrams per row is a function call that costs far more than the test it would repeat.
 */
function searchConditions(terms: string[], indexed: boolean): Sql[] {
  const c: Sql[] = []
  const pairs = indexed ? terms.filter((t) => [...t].length >= 2) : []
  if (pairs.length) c.push(sql`zb_bigrams(item.search_text) @> (${sql.join(pairs.map((t) => sql`zb_bigrams(${t})`), sql` || `)})`)
  for (const t of terms) c.push(containsTerm(sql`item.search_text`, t))
  return c
}

/**
 * A search first looks only at this many newest rows of the page's order (all other filters and
 * the cursor applied), through the sort's btree, and stops at the page's last match: a common
 * word fills a page within a few thousand rows. The bigram index alone would fetch and sort every
 * row holding the word (5,000 heap pages for a 0.5% word at 1M items) before it could return
 * the newest 21. Fewer matches than a page in the window: the indexed statement answers instead.
 */
export const SEARCH_WINDOW = 10_000

/** A view's stored query, then the request's own parameters on top. */
export function effectiveFilter(query: InboxQuery, viewQuery: InboxViewQuery | null): InboxPageFilter {
  const { view: _view, cursor: _cursor, limit: _limit, ...own } = query
  const merged = { ...(viewQuery ?? {}), ...stripUndefined(own) }
  return { ...merged, sort: merged.sort ?? 'newest' }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

interface Row {
  id: string
  kind: ItemKindName
  /** One of the kind's statuses: the item table's CHECK constraint guarantees it. */
  status: InboxItem['status']
  priority: number
  version: number
  topics: string[]
  department_id: string | null
  assignee_id: string | null
  due_at: Date | null
  created_at: Date
  last_activity_at: Date
  category: MessageCategory | null
  title: string | null
  excerpt_source: string | null
  department_name: string | null
  assignee_name: string | null
  author_name: string | null
  photo_count: number
  first_photos: string[] | null
  snippet: string | null
  cursor_keys: (string | number)[]
}

export type InboxPageFilter = InboxViewQuery & { sort: InboxSort }

/**
 * One page of the inbox as ONE statement over both kinds: the inner query picks the page from
 * `item` alone (filters, keyset, order, limit) so an index does the work; the outer query joins
 * what a dense desk row shows for just those rows. Exposed so tests can EXPLAIN it and the
 * benchmark can time the bare statement.
 */
export function inboxStatement(viewer: InboxViewer, filter: InboxPageFilter, page: { limit: number; cursor?: string; searchWindow?: number }) {
  const sort = SORTS[filter.sort]
  const terms = searchTerms(filter.q)
  const windowed = page.searchWindow !== undefined && terms.length > 0
  const where = windowed ? baseConditions(filter, viewer) : filterConditions(filter, viewer)
  if (page.cursor) {
    const values = decodeCursor(page.cursor, filter.sort, sort.parts)
    const casts = sort.parts.map((p, i) => sql`${values[i]}::${sql.raw(p === 'smallint' ? 'smallint' : p === 'uuid' ? 'uuid' : 'timestamptz')}`)
    where.push(sql`(${sql.join(sort.keys)}) ${sql.raw(sort.desc ? '<' : '>')} (${sql.join(casts)})`)
  }
  const dir = sql.raw(sort.desc ? 'DESC' : 'ASC')
  const innerOrder = sql.join(sort.keys.map((k) => sql`${k} ${dir}`))
  const outerOrder = sql.join(sort.keys.map((_, i) => sql`${sql.ref(`p.sort_${i}`)} ${dir}`))
  const sortColumns = sql.join(sort.keys.map((k, i) => sql`${k} AS ${sql.ref(`sort_${i}`)}`))
  const cursorKeys = sql.join(sort.keys.map((_, i) => sql`to_json(${sql.ref(`p.sort_${i}`)})`))
  const snippet = terms.length
    ? sql`substr(p.search_text, greatest(1, ${termPosition(sql`p.search_text`, terms[0]!)} - 24), 100)`
    : sql`NULL::text`

  const columns = sql`item.id, item.kind, item.status, item.priority, item.version, item.topics, item.department_id, item.assignee_id,
    item.author_id, item.due_at, item.created_at, item.last_activity_at,
    ${terms.length ? sql`item.search_text` : sql`NULL::text AS search_text`}, ${sortColumns}`
  const pick = sql`SELECT ${columns} FROM item WHERE ${sql.join(where, sql` AND `)} ORDER BY ${innerOrder} LIMIT ${page.limit + 1}`
  // The window, named item so the search conditions read as they do on the table; ordered by its
  // sort_i columns, which the btree scan below already delivers, so no sort and it stops early.
  const windowOrder = sql.join(sort.keys.map((_, i) => sql`${sql.ref(`item.sort_${i}`)} ${dir}`))
  const windowedPick = sql`
    SELECT * FROM (SELECT ${columns} FROM item WHERE ${sql.join(where, sql` AND `)} ORDER BY ${innerOrder} LIMIT ${page.searchWindow ?? 0}) item
    WHERE ${sql.join(searchConditions(terms, false), sql` AND `)}
    ORDER BY ${windowOrder}
    LIMIT ${page.limit + 1}`

  return sql<Row>`
    SELECT p.id, p.kind, p.status, p.priority, p.version, p.topics, p.department_id, p.assignee_id, p.due_at,
      p.created_at, p.last_activity_at, m.category, cr.title, left(coalesce(m.body, cr.body), 200) AS excerpt_source,
      d.name AS department_name, a.name AS assignee_name, CASE WHEN m.anonymous THEN ${ANONYMOUS_AUTHOR} ELSE au.name END AS author_name,
      ph.photo_count, ph.first_photos, ${snippet} AS snippet, json_build_array(${cursorKeys}) AS cursor_keys
    FROM (${windowed ? windowedPick : pick}) p
    LEFT JOIN message m ON m.item_id = p.id
    LEFT JOIN case_report cr ON cr.item_id = p.id
    LEFT JOIN department d ON d.id = p.department_id
    LEFT JOIN app_user a ON a.id = p.assignee_id
    LEFT JOIN app_user au ON au.id = p.author_id
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS photo_count, (array_agg(im.media_id ORDER BY im.position))[1:3] AS first_photos
      FROM item_media im WHERE im.item_id = p.id
    ) ph ON true
    ORDER BY ${outerOrder}
  `
}

export async function listInbox(
  db: DbOrTx,
  viewer: InboxViewer,
  filter: InboxPageFilter,
  page: { limit: number; cursor?: string; searchWindow?: number },
  sign: SignMediaUrl
): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
  const terms = searchTerms(filter.q)
  let rows: Row[] | null = null
  if (terms.length) {
    const found = (await inboxStatement(viewer, filter, { ...page, searchWindow: page.searchWindow ?? SEARCH_WINDOW }).execute(db)).rows
    if (found.length > page.limit) rows = found
  }
  rows ??= (await inboxStatement(viewer, filter, { limit: page.limit, cursor: page.cursor }).execute(db)).rows
  const shown = keysetPage(rows, page.limit, filter.sort, (last) => last.cursor_keys)
  return {
    items: shown.rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      bucket: bucketOf(r.kind, r.status),
      category: r.category,
      title: r.title,
      excerpt: excerpt(r.excerpt_source ?? ''),
      authorName: r.author_name,
      departmentId: r.department_id,
      departmentName: r.department_name,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      priority: r.priority,
      version: r.version,
      topics: r.topics,
      dueAt: r.due_at?.toISOString() ?? null,
      thumbUrls: (r.first_photos ?? []).map((id) => sign(id, 'thumb')),
      photoCount: r.photo_count,
      createdAt: r.created_at.toISOString(),
      lastActivityAt: r.last_activity_at.toISOString(),
      match: r.snippet === null ? null : highlight(r.snippet, terms)
    })),
    nextCursor: shown.nextCursor
  }
}

/** Counts of several filters in one statement: one scalar subquery each, each with its own plan. */
export async function countInbox(db: DbOrTx, viewer: InboxViewer, filters: InboxViewQuery[]): Promise<number[]> {
  if (!filters.length) return []
  const columns = filters.map((f, i) => sql`(SELECT count(*)::int FROM item WHERE ${sql.join(filterConditions(f, viewer), sql` AND `)}) AS ${sql.ref(`c${i}`)}`)
  const { rows } = await sql<Record<string, number>>`SELECT ${sql.join(columns)}`.execute(db)
  return filters.map((_, i) => rows[0]![`c${i}`]!)
}

function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? flat.slice(0, max) + '…' : flat
}

/**
 * The items a filter matches, for a batch over "all that match": how many, and the first `cap`
 * of them (oldest first, so a batch repeated after a capped one takes up where it stopped for
 * actions that move items out of the filter) with the version each was read at.
 */
export async function matchingItems(db: DbOrTx, viewer: InboxViewer, filter: InboxViewQuery, cap: number): Promise<{ matched: number; items: { id: string; version: number }[] }> {
  const where = sql.join(filterConditions(filter, viewer), sql` AND `)
  const [count, page] = await Promise.all([
    sql<{ n: number }>`SELECT count(*)::int AS n FROM item WHERE ${where}`.execute(db),
    sql<{ id: string; version: number }>`SELECT item.id, item.version FROM item WHERE ${where} ORDER BY item.created_at, item.id LIMIT ${cap}`.execute(db)
  ])
  return { matched: count.rows[0]!.n, items: page.rows }
}
