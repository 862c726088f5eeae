import type { Db } from '../db/database'
import type { Item } from '../db/tables/item'
import type { RatingBody, TrackView } from '../../domain/schemas/follow-up'
import type { MessageStatus } from '../../domain/message/state-machine'
import { ratingAction } from '../../domain/message/state-machine'
import { NotFoundError } from '../../domain/errors'
import { listEventRows } from '../repositories/events'
import { countChangedSince, findByTrackingCode } from '../repositories/tracking'
import { forOtherCitizen, mergedIntoViews } from './merge-effects'
import { transition, type Actor } from './items'

/** One answer for every code that finds nothing, so a miss says nothing about other codes. */
const NOT_FOUND = '没有找到这个留言码对应的留言，请核对后重新输入（留言码在提交成功页和“我的留言”中）'

/**
 * 查询留言 without signing in: status, dates and the bureau's public steps. Whoever holds the
 * code need not be its author, so citizens' words and names are left out as for a merged
 * message's other author (services/merge-effects.ts#forOtherCitizen).
 */
export async function trackMessage(db: Db, orgId: string, code: string): Promise<TrackView> {
  const row = await findByTrackingCode(db, orgId, code.toUpperCase())
  if (!row) throw new NotFoundError(NOT_FOUND)
  const events = (await listEventRows(db, [row.id], true)).get(row.id) ?? []
  const merged = row.duplicate_of ? await mergedIntoViews(db, [{ id: row.id, survivorId: row.duplicate_of }]) : null
  return {
    trackingCode: row.tracking_code,
    category: row.category,
    status: row.status as MessageStatus,
    createdAt: row.created_at.toISOString(),
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    firstReplyAt: row.first_reply_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    timeline: events.map(forOtherCitizen),
    ...(merged ? { mergedInto: merged.get(row.id) ?? null } : {})
  }
}

/**
 * The author's 满意 / 基本满意 / 不满意: the rating is the input of the table's action that
 * accepts it (close or reopen), so who, from where and with what is the table's to decide.
 */
export async function rateMessage(db: Db, actor: Actor, id: string, body: RatingBody): Promise<Item> {
  return transition(db, actor, id, {
    action: ratingAction(body.rating),
    rating: body.rating,
    ...(body.comment === undefined ? {} : { note: body.comment }),
    ...(body.version === undefined ? {} : { version: body.version })
  })
}

/** The home page's 新进展: how many of my messages moved (publicly) since I last looked. */
export async function progressSince(db: Db, actor: Actor, since: Date): Promise<{ changed: number }> {
  return { changed: await countChangedSince(db, actor.orgId, actor.id, since) }
}
