import type { DbOrTx } from '../db/database'
import type { Media } from '../db/tables/media'
import { mediaKey, type IngestedImage, type MediaStorage } from '../media'
import type { DeviceFacts } from '../media/device-evidence'
import { VISIBLE_MEDIA } from '../../domain/moderation/media'

export type { SignMediaUrl } from '../views/media'

/**
 * Objects first, row second: a crash in between leaves only a content-addressed file that the
 * next identical upload reuses, never a row pointing at nothing.
 */
export async function saveIngestedMedia(
  db: DbOrTx,
  storage: MediaStorage,
  owner: { id: string; orgId: string },
  image: IngestedImage,
  device: DeviceFacts = {}
): Promise<Media> {
  const storageKey = mediaKey(image.sha256, 'full')
  const thumbKey = mediaKey(image.sha256, 'thumb')
  await storage.put(storageKey, image.normalised, image.contentType)
  await storage.put(thumbKey, image.thumb, image.contentType)
  await db
    .insertInto('media')
    .values({
      org_id: owner.orgId,
      owner_id: owner.id,
      sha256: image.sha256,
      content_type: image.contentType,
      bytes: image.bytes,
      width: image.width,
      height: image.height,
      storage_key: storageKey,
      thumb_key: thumbKey,
      taken_at: image.takenAt ?? null,
      gps_lat: image.gps?.lat ?? null,
      gps_lng: image.gps?.lng ?? null,
      device_taken_at: device.takenAt ?? null,
      device_lat: device.gps?.lat ?? null,
      device_lng: device.gps?.lng ?? null
    })
    .onConflict((oc) => oc.columns(['owner_id', 'sha256']).doNothing())
    .execute()
  return db.selectFrom('media').selectAll().where('owner_id', '=', owner.id).where('sha256', '=', image.sha256).executeTakeFirstOrThrow()
}

/** Photos of several items at once, in their order: one query for a whole inbox page. */
export async function photosOfItems(db: DbOrTx, itemIds: string[]): Promise<Map<string, Media[]>> {
  const byItem = new Map<string, Media[]>()
  if (!itemIds.length) return byItem
  const rows = await db
    .selectFrom('item_media')
    .innerJoin('media', 'media.id', 'item_media.media_id')
    .selectAll('media')
    .select('item_media.item_id')
    .where('item_media.item_id', 'in', itemIds)
    // Images still being checked, held or quarantined are shown to no one here (the moderation queue shows them to staff).
    .where('media.moderation', '=', VISIBLE_MEDIA)
    .orderBy('item_media.item_id')
    .orderBy('item_media.position')
    .execute()
  for (const { item_id, ...media } of rows) {
    const list = byItem.get(item_id) ?? []
    list.push(media)
    byItem.set(item_id, list)
  }
  return byItem
}

/** Replaces an item's photos; ids must be the uploader's own media (checked by the caller). */
export async function linkPhotos(db: DbOrTx, itemId: string, mediaIds: string[]): Promise<void> {
  await db.deleteFrom('item_media').where('item_id', '=', itemId).execute()
  if (mediaIds.length) {
    await db
      .insertInto('item_media')
      .values(mediaIds.map((media_id, position) => ({ item_id: itemId, media_id, position })))
      .execute()
  }
}

/** The subset of `ids` that `ownerId` did not upload (or that does not exist). */
export async function foreignMediaIds(db: DbOrTx, ownerId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return []
  const own = await db.selectFrom('media').select('id').where('owner_id', '=', ownerId).where('id', 'in', ids).execute()
  const ok = new Set(own.map((r) => r.id))
  return ids.filter((id) => !ok.has(id))
}
