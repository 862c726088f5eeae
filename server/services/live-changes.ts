import type { Db } from '../db/database'
import type { LiveChanges } from '../../domain/schemas/live'
import { LIVE_CHANGES_MAX } from '../../domain/schemas/live'
import { changesAfter } from '../repositories/item-changes'
import { decodeCursor, encodeCursor } from '../http/cursor'

/**
 * A change's last_activity_at is taken when its transaction starts, and the transaction commits
 * a little later; a poll in between would step past it for good. So the cursor never moves
 * closer to the present than SETTLE_MS: changes of the last seconds come again on the next poll
 * (the app keeps the highest version it saw per item and drops repeats).
 */
export const SETTLE_MS = 10_000
const TAG = 'chg'
const NIL = '00000000-0000-0000-0000-000000000000'

export async function changesSince(db: Db, orgId: string, since: string | undefined, now: Date): Promise<LiveChanges> {
  const settled = new Date(now.getTime() - SETTLE_MS).toISOString()
  if (since === undefined) return { changes: [], cursor: encodeCursor(TAG, [settled, NIL]) }
  const [at, id] = decodeCursor(since, TAG, ['timestamp', 'uuid']) as [string, string]
  const rows = await changesAfter(db, orgId, { at, id }, LIVE_CHANGES_MAX)
  const changes = rows.map((r) => ({ id: r.id, version: r.version, status: r.status, kind: r.kind })) as LiveChanges['changes']
  // A full page: continue right after it. Otherwise everything up to now was read: move to the
  // settle point, but never back.
  const last = rows[rows.length - 1]
  const next: [string, string] =
    rows.length === LIVE_CHANGES_MAX && last ? [last.at, last.id] : Date.parse(settled) > Date.parse(at) ? [settled, NIL] : [at, id]
  return { changes, cursor: encodeCursor(TAG, next) }
}
