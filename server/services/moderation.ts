import type { Db } from '../db/database'
import type { Actor } from '../repositories/items'
import type { ModerationQueue } from '../../domain/schemas/moderation'
import type { SignMediaUrl } from '../views/media'
import { updateItem } from '../repositories/items'
import {
  heldItems,
  lockItemModeration,
  lockMediaByTrace,
  lockMediaModeration,
  markMediaCheckRequested,
  moderatedMedia,
  overdueMediaChecks,
  setMediaModeration
} from '../repositories/moderation'
import { ITEM_MODERATION, type ItemModeration, type ItemModerationAction } from '../../domain/moderation/item'
import { HELD_MEDIA, PENDING_MEDIA, MEDIA_MODERATION, mediaActionFor, type MediaModeration } from '../../domain/moderation/media'
import { labelText, type Verdict } from '../../domain/moderation/verdict'
import { inTransaction } from './transaction'

/** The staff queue 待审核内容: held texts to read and decide, held and quarantined images. */
export async function moderationQueue(db: Db, orgId: string, sign: SignMediaUrl): Promise<ModerationQueue> {
  const [items, media] = await Promise.all([heldItems(db, orgId), moderatedMedia(db, orgId)])
  return {
    items: items.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title ?? null,
      body: r.body,
      authorName: r.author_name ?? null,
      note: r.moderation_note,
      createdAt: r.created_at.toISOString()
    })),
    media: media.map((m) => ({
      id: m.id,
      moderation: m.moderation,
      // A quarantined image is shown to no one, staff included: they see the 已隔离 placeholder.
      thumbUrl: m.moderation === HELD_MEDIA ? sign(m.id, 'thumb') : null,
      itemId: m.item_id ?? null,
      label: m.check_label === null ? null : labelText(m.check_label),
      createdAt: m.created_at.toISOString()
    }))
  }
}

/**
 * Staff approve a held text (it appears in the inbox, counts and live feed as if it had just
 * arrived) or refuse it (rejected: its author sees 未通过审核; nobody else ever sees it). The
 * item's version moves, so an open page learns of it and the live feed announces an approval.
 */
export async function decideItem(db: Db, actor: Actor, id: string, action: ItemModerationAction, now = new Date()): Promise<{ id: string; moderation: ItemModeration }> {
  return inTransaction(db, async ({ tx }) => {
    const row = await lockItemModeration(tx, actor.orgId, id)
    const next = ITEM_MODERATION.check(row.moderation, action, actor.roles)
    if ('error' in next) throw next.error
    await updateItem(tx, id, { moderation: next.to }, now)
    return { id, moderation: next.to }
  })
}

export async function decideMedia(db: Db, actor: Actor, id: string, action: ItemModerationAction): Promise<{ id: string; moderation: MediaModeration }> {
  return inTransaction(db, async ({ tx }) => {
    const row = await lockMediaModeration(tx, actor.orgId, id)
    const next = MEDIA_MODERATION.check(row.moderation, action, actor.roles)
    if ('error' in next) throw next.error
    await setMediaModeration(tx, id, next.to)
    return { id, moderation: next.to }
  })
}

export type VerdictOutcome = 'applied' | 'unknown_trace' | 'already_decided'

/**
 * WeChat's answer to a media_check_async, matched by trace id. A verdict for an image already
 * decided (a repeated push, or one a person or the timeout job decided first) changes nothing,
 * except that risky still quarantines a held image: WeChat's word outranks a wait.
 */
export async function recordMediaVerdict(db: Db, traceId: string, verdict: Verdict, label: number | null): Promise<VerdictOutcome> {
  return inTransaction(db, async ({ tx }) => {
    const media = await lockMediaByTrace(tx, traceId)
    if (!media) return 'unknown_trace'
    const next = MEDIA_MODERATION.check(media.moderation, mediaActionFor(verdict), 'system')
    if ('error' in next) return 'already_decided'
    await setMediaModeration(tx, media.id, next.to, label)
    return 'applied'
  })
}

/** Checks unanswered since before `before` are held for staff: never shown unchecked, never lost. */
export async function holdOverdueMediaChecks(db: Db, before: Date): Promise<{ id: string; orgId: string; traceId: string | null }[]> {
  return inTransaction(db, async ({ tx }) => {
    const rows = await overdueMediaChecks(tx, before)
    for (const r of rows) {
      const next = MEDIA_MODERATION.check(PENDING_MEDIA, 'timed_out', 'system')
      if ('to' in next) await setMediaModeration(tx, r.id, next.to)
    }
    return rows.map((r) => ({ id: r.id, orgId: r.org_id, traceId: r.check_trace_id }))
  })
}

/**
 * Live mode, an upload by a WeChat user: the image stays `pending` (shown to no one but its
 * uploader's form) until the callback's verdict. WeChat not taking the request, or no public
 * address to fetch from (PUBLIC_BASE_URL unset): held for staff at once.
 */
export async function startImageCheck(
  db: Db,
  media: { id: string; moderation: MediaModeration; check_requested_at: Date | null },
  ask: () => Promise<string | null>,
  now = new Date()
): Promise<MediaModeration> {
  // The same photo uploaded again is the same row: checked once.
  if (media.check_requested_at) return media.moderation
  const traceId = await ask()
  return inTransaction(db, async ({ tx }) => {
    await markMediaCheckRequested(tx, media.id, traceId, now)
    if (traceId) return PENDING_MEDIA
    const next = MEDIA_MODERATION.check(PENDING_MEDIA, 'timed_out', 'system')
    const to = 'to' in next ? next.to : HELD_MEDIA
    await setMediaModeration(tx, media.id, to)
    return to
  })
}
