import type { Db } from '../db/database'
import type { MergeBody } from '../../domain/schemas/triage'
import { MERGE_ACTION } from '../../domain/message/state-machine'
import { transition, type Actor } from './items'

/**
 * Merges a message into its survivor: the `merge` action of the message table, one transaction
 * (services/items.ts#transition locks both, the table's guard checks the survivor, and
 * merge-effects.ts records the survivor's side). Returns the survivor's id.
 */
export async function mergeItem(db: Db, actor: Actor, id: string, body: MergeBody): Promise<string> {
  const merged = await transition(db, actor, id, {
    action: MERGE_ACTION,
    into: body.into,
    ...(body.note === undefined ? {} : { note: body.note }),
    ...(body.version === undefined ? {} : { version: body.version })
  })
  return merged.duplicate_of!
}
