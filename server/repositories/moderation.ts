import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { Media } from '../db/tables/media'
import { NotFoundError } from '../../domain/errors'
import { HELD_ITEM, type ItemModeration } from '../../domain/moderation/item'
import { HELD_MEDIA, PENDING_MEDIA, QUARANTINED_MEDIA, type MediaModeration } from '../../domain/moderation/media'

/** Items the content check held, oldest first, with their whole text (item_held_idx). */
export async function heldItems(db: DbOrTx, orgId: string, limit = 200) {
  return db
    .selectFrom('item')
    .leftJoin('message as m', 'm.item_id', 'item.id')
    .leftJoin('case_report as c', 'c.item_id', 'item.id')
    .leftJoin('app_user as u', 'u.id', 'item.author_id')
    .select([
      'item.id',
      'item.kind',
      'item.created_at',
      'item.moderation_note',
      'c.title',
      sql<string>`coalesce(m.body, concat_ws(E'\n', c.body, c.place_address), '')`.as('body'),
      'u.name as author_name'
    ])
    .where('item.org_id', '=', orgId)
    .where('item.moderation', '=', HELD_ITEM)
    .orderBy('item.created_at')
    .orderBy('item.id')
    .limit(limit)
    .execute()
}

/** Images held for staff or quarantined, newest first, and the item each is attached to. */
export async function moderatedMedia(db: DbOrTx, orgId: string, limit = 200) {
  return db
    .selectFrom('media')
    .leftJoin('item_media as im', 'im.media_id', 'media.id')
    .select(['media.id', 'media.moderation', 'media.check_label', 'media.created_at', 'im.item_id'])
    .where('media.org_id', '=', orgId)
    .where('media.moderation', 'in', [HELD_MEDIA, QUARANTINED_MEDIA])
    .orderBy('media.created_at', 'desc')
    .orderBy('media.id')
    .limit(limit)
    .execute()
}

export async function lockItemModeration(db: DbOrTx, orgId: string, id: string): Promise<{ id: string; moderation: ItemModeration }> {
  const row = await db.selectFrom('item').select(['id', 'moderation']).where('id', '=', id).where('org_id', '=', orgId).forUpdate().executeTakeFirst()
  if (!row) throw new NotFoundError('内容不存在，或您无权查看')
  return row
}

export async function lockMediaModeration(db: DbOrTx, orgId: string, id: string): Promise<{ id: string; moderation: MediaModeration }> {
  const row = await db.selectFrom('media').select(['id', 'moderation']).where('id', '=', id).where('org_id', '=', orgId).forUpdate().executeTakeFirst()
  if (!row) throw new NotFoundError('图片不存在，或您无权查看')
  return row
}

/** The image a check's trace id belongs to (any bureau: WeChat's callback names no bureau). */
export async function lockMediaByTrace(db: DbOrTx, traceId: string): Promise<Pick<Media, 'id' | 'org_id' | 'moderation'> | undefined> {
  return db.selectFrom('media').select(['id', 'org_id', 'moderation']).where('check_trace_id', '=', traceId).forUpdate().executeTakeFirst()
}

export async function setMediaModeration(db: DbOrTx, id: string, moderation: MediaModeration, label?: number | null): Promise<void> {
  await db
    .updateTable('media')
    .set({ moderation, ...(label !== undefined ? { check_label: label } : {}) })
    .where('id', '=', id)
    .execute()
}

export async function markMediaCheckRequested(db: DbOrTx, id: string, traceId: string | null, at: Date): Promise<void> {
  await db.updateTable('media').set({ moderation: PENDING_MEDIA, check_trace_id: traceId, check_requested_at: at }).where('id', '=', id).execute()
}

/** Checks asked before `before` and still unanswered: the callback never came. */
export async function overdueMediaChecks(db: DbOrTx, before: Date, limit = 500) {
  return db
    .selectFrom('media')
    .select(['id', 'org_id', 'check_trace_id', 'check_requested_at'])
    .where('moderation', '=', PENDING_MEDIA)
    .where('check_requested_at', '<', before)
    .orderBy('check_requested_at')
    .limit(limit)
    .forUpdate()
    .execute()
}
