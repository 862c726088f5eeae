import { sql } from 'kysely'
import type { Db } from '../db/database'
import type { InboxItem, InboxQuery } from '../../domain/schemas/item'
import { cursorTime, decodeCursor, encodeCursor } from '../http/cursor'
import { photosOfItems, type SignMediaUrl } from './media'

/** Newest first, keyset-paginated on (created_at, id) so pages never skip or repeat rows. */
export async function listInbox(db: Db, orgId: string, query: InboxQuery, sign: SignMediaUrl): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
  const limit = query.limit ?? 20
  let q = db
    .selectFrom('item')
    .leftJoin('message', 'message.item_id', 'item.id')
    .leftJoin('case_report', 'case_report.item_id', 'item.id')
    .innerJoin('app_user as author', 'author.id', 'item.author_id')
    .select([
      'case_report.title',
      'case_report.body as case_body',
      'author.name as author_name',
      'item.id',
      'item.kind',
      'item.status',
      'item.created_at',
      'item.last_activity_at',
      'message.category',
      'message.body',
      cursorTime('item.created_at').as('created_key')
    ])
    .where('item.org_id', '=', orgId)
    .orderBy('item.created_at', 'desc')
    .orderBy('item.id', 'desc')
    .limit(limit + 1)
  if (query.status) q = q.where('item.status', '=', query.status)
  if (query.kind) q = q.where('item.kind', '=', query.kind)
  if (query.cursor) {
    const c = decodeCursor(query.cursor)
    q = q.where(sql<boolean>`(item.created_at, item.id) < (${c.t}::timestamptz, ${c.id}::uuid)`)
  }
  const rows = await q.execute()
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  const photos = await photosOfItems(db, page.filter((r) => r.kind === 'case').map((r) => r.id))
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      category: r.category ?? null,
      title: r.title ?? null,
      excerpt: excerpt(r.body ?? r.case_body ?? ''),
      authorName: r.author_name,
      thumbUrls: (photos.get(r.id) ?? []).slice(0, 3).map((m) => sign(m.id, 'thumb')),
      photoCount: photos.get(r.id)?.length ?? 0,
      createdAt: r.created_at.toISOString(),
      lastActivityAt: r.last_activity_at.toISOString()
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ t: last.created_key, id: last.id }) : null
  }
}

function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? flat.slice(0, max) + '…' : flat
}
