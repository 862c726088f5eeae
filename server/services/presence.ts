import type { Db } from '../db/database'
import type { Viewer } from '../../domain/schemas/live'
import { PRESENCE_TTL_SECONDS } from '../../domain/schemas/live'
import { loadVisibleItem, type Actor } from '../repositories/items'
import { announcePresence, deleteExpiredPresence, deletePresence, listViewers, upsertPresence } from '../repositories/presence'
import { inTransaction } from './transaction'

/**
 * Presence lives in the database (item_presence), so every server process agrees on who has an
 * item open; each change is announced with NOTIFY at commit and becomes an SSE `presence` event.
 */

/** A heartbeat: the caller has the item open for another PRESENCE_TTL_SECONDS. Answers the others. */
export async function heartbeat(db: Db, actor: Actor, itemId: string, now: Date): Promise<Viewer[]> {
  return inTransaction(db, async ({ tx }) => {
    // Another bureau's item (or none): 404 like every other item route.
    await loadVisibleItem(tx, actor, itemId)
    const expiresAt = new Date(now.getTime() + PRESENCE_TTL_SECONDS * 1000)
    const arrived = await upsertPresence(tx, { orgId: actor.orgId, itemId, userId: actor.id, now, expiresAt })
    if (arrived) await announcePresence(tx, actor.orgId, itemId)
    return listViewers(tx, actor.orgId, itemId, now, actor.id)
  })
}

/** The caller left the item (closed the panel, went to another). */
export async function leave(db: Db, actor: Actor, itemId: string, now: Date): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    await loadVisibleItem(tx, actor, itemId)
    if (await deletePresence(tx, itemId, actor.id, now)) await announcePresence(tx, actor.orgId, itemId)
  })
}

/** Everyone on the item now, for the SSE `presence` event (each app leaves itself out). */
export const viewersOf = (db: Db, orgId: string, itemId: string, now: Date) => listViewers(db, orgId, itemId, now)

/**
 * Presences whose heartbeat stopped (a closed tab sends no DELETE): removed and announced, so
 * the others' 正在处理 goes away without waiting for their own next heartbeat. Any process may
 * run it; the DELETE hands each row to one of them.
 */
export async function sweepExpired(db: Db, now: Date): Promise<number> {
  return inTransaction(db, async ({ tx }) => {
    const gone = await deleteExpiredPresence(tx, now)
    for (const g of gone) await announcePresence(tx, g.org_id, g.item_id)
    return gone.length
  })
}
