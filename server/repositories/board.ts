import { sql, type SqlBool, type Expression } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { BoardEntry, BoardEntryUpdate, NewBoardEntry } from '../db/tables/board-entry'
import type { BoardStatus } from '../../domain/board/state-machine'
import { BOARD_LIVE_STATUSES, BOARD_PUBLIC_STATUS } from '../../domain/board/state-machine'
import type { MessageCategory } from '../../domain/message/categories'
import { REPLY_ACTION } from '../../domain/message/state-machine'
import { ConflictError, NotFoundError } from '../../domain/errors'
import { LIMITS } from '../../domain/limits'
import { decodeCursor, keysetPage } from '../http/cursor'
import { containsTerm, searchTerms } from './inbox-search'

/** A message as the board needs it: status, consent, text, its latest reply. */
export interface BoardSource {
  itemId: string
  kind: string
  status: string
  createdAt: Date
  category: MessageCategory
  body: string
  publicConsent: boolean
  trackingCode: string
  reply: string | null
  /** The content check's hold: only a cleared message may reach the board. */
  moderation: string
}

/** The message behind a proposal, in the caller's bureau, locked when about to be proposed. */
export async function findBoardSource(db: DbOrTx, orgId: string, itemId: string, lock = false): Promise<BoardSource | null> {
  let q = db
    .selectFrom('item')
    .leftJoin('message', 'message.item_id', 'item.id')
    .select(['item.id', 'item.kind', 'item.status', 'item.moderation', 'item.created_at', 'message.category', 'message.body', 'message.public_consent', 'message.tracking_code'])
    .select((eb) =>
      eb
        .selectFrom('item_event as e')
        .select('e.body')
        .whereRef('e.item_id', '=', 'item.id')
        .where('e.action', '=', REPLY_ACTION)
        .where('e.body', 'is not', null)
        .orderBy('e.created_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(1)
        .as('reply')
    )
    .where('item.id', '=', itemId)
    .where('item.org_id', '=', orgId)
  if (lock) q = q.forUpdate('item')
  const r = await q.executeTakeFirst()
  if (!r) return null
  return {
    itemId: r.id,
    kind: r.kind,
    status: r.status,
    createdAt: r.created_at,
    category: r.category as MessageCategory,
    body: r.body ?? '',
    publicConsent: r.public_consent ?? false,
    trackingCode: r.tracking_code ?? '',
    reply: r.reply ?? null,
    moderation: r.moderation
  }
}

/** The message's proposal or published entry, if it has one. */
export async function findLiveEntryOf(db: DbOrTx, orgId: string, itemId: string): Promise<{ id: string; status: BoardStatus } | undefined> {
  return db
    .selectFrom('board_entry')
    .select(['id', 'status'])
    .where('org_id', '=', orgId)
    .where('item_id', '=', itemId)
    .where('status', 'in', BOARD_LIVE_STATUSES)
    .executeTakeFirst()
}

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505'

export async function insertBoardEntry(db: DbOrTx, row: NewBoardEntry): Promise<BoardEntry> {
  try {
    return await db.insertInto('board_entry').values(row).returningAll().executeTakeFirstOrThrow()
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError('这条留言已提议选登或已选登，请在选登审核中查看', { itemId: row.item_id }, 'board_entry_exists')
    throw err
  }
}

export async function loadBoardEntry(db: DbOrTx, orgId: string, id: string, lock = false): Promise<BoardEntry> {
  let q = db.selectFrom('board_entry').selectAll().where('id', '=', id).where('org_id', '=', orgId)
  if (lock) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  if (!row) throw new NotFoundError('选登条目不存在，或不属于本局')
  return row
}

export async function updateBoardEntry(db: DbOrTx, id: string, patch: BoardEntryUpdate): Promise<BoardEntry> {
  return db.updateTable('board_entry').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export async function userNames(db: DbOrTx, orgId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))]
  if (!wanted.length) return new Map()
  const rows = await db.selectFrom('app_user').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', wanted).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function trackingCodes(db: DbOrTx, itemIds: string[]): Promise<Map<string, string>> {
  if (!itemIds.length) return new Map()
  const rows = await db.selectFrom('message').select(['item_id', 'tracking_code']).where('item_id', 'in', itemIds).execute()
  return new Map(rows.map((r) => [r.item_id, r.tracking_code]))
}

const QUEUE_TAG = 'board-queue'

/** The desk's queue (one status, or every entry), newest proposal first, keyset-paged. */
export async function listBoardEntries(db: DbOrTx, orgId: string, filter: { status?: BoardStatus; cursor?: string }) {
  let q = db.selectFrom('board_entry').selectAll().where('org_id', '=', orgId)
  if (filter.status) q = q.where('status', '=', filter.status)
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor, QUEUE_TAG, ['timestamp', 'uuid']) as [string, string]
    q = q.where(sql<SqlBool>`(proposed_at, id) < (${at}::timestamptz, ${id}::uuid)`)
  }
  const limit = LIMITS.boardPageSize
  const rows = await q
    .select(sql<string>`to_json(proposed_at)#>>'{}'`.as('cursor_at'))
    .orderBy('proposed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  return keysetPage(rows, limit, QUEUE_TAG, (last) => [last.cursor_at, last.id])
}

const PUBLIC_TAG = 'board'

export interface PublicRow {
  id: string
  category: MessageCategory
  question_public: string
  answer_public: string
  asked_at: Date
  published_at: Date
}

/**
 * Published entries, newest first. Search reads the public (masked) text only, never the
 * source: searching for a phone number finds nothing, not even that it was there. Words of two
 * characters or more narrow through the bigram GIN index; strpos is the exact test.
 */
export async function listPublished(db: DbOrTx, orgId: string, filter: { category?: MessageCategory; q?: string; cursor?: string }) {
  let q = db
    .selectFrom('board_entry as b')
    .innerJoin('item', 'item.id', 'b.item_id')
    .select(['b.id', 'b.category', 'b.question_public', 'b.answer_public', 'item.created_at as asked_at', 'b.published_at'])
    .select(sql<string>`to_json(b.published_at)#>>'{}'`.as('cursor_at'))
    .where('b.org_id', '=', orgId)
    .where('b.status', '=', BOARD_PUBLIC_STATUS)
  if (filter.category) q = q.where('b.category', '=', filter.category)
  const terms = searchTerms(filter.q)
  const pairs = terms.filter((t) => [...t].length >= 2)
  if (pairs.length) q = q.where(sql<SqlBool>`zb_bigrams(b.search_text) @> (${sql.join(pairs.map((t) => sql`zb_bigrams(${t})`), sql` || `)})`)
  for (const t of terms) q = q.where(containsTerm(sql`b.search_text`, t) as Expression<SqlBool>)
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor, PUBLIC_TAG, ['timestamp', 'uuid']) as [string, string]
    q = q.where(sql<SqlBool>`(b.published_at, b.id) < (${at}::timestamptz, ${id}::uuid)` as Expression<SqlBool>)
  }
  const limit = LIMITS.boardPageSize
  const rows = await q.orderBy('b.published_at', 'desc').orderBy('b.id', 'desc').limit(limit + 1).execute()
  return keysetPage(rows as (PublicRow & { cursor_at: string })[], limit, PUBLIC_TAG, (last) => [last.cursor_at, last.id])
}

export async function findPublished(db: DbOrTx, orgId: string, id: string): Promise<PublicRow> {
  const row = await db
    .selectFrom('board_entry as b')
    .innerJoin('item', 'item.id', 'b.item_id')
    .select(['b.id', 'b.category', 'b.question_public', 'b.answer_public', 'item.created_at as asked_at', 'b.published_at'])
    .where('b.org_id', '=', orgId)
    .where('b.id', '=', id)
    .where('b.status', '=', BOARD_PUBLIC_STATUS)
    .executeTakeFirst()
  // Withdrawn, declined and proposed entries are as absent as ones that never existed.
  if (!row) throw new NotFoundError('该选登内容不存在或已撤下')
  return row as PublicRow
}
