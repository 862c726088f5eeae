import type { DbOrTx } from '../db/database'

/**
 * Who submitted what kind of item, and the id their phone gave it before sending. The kind is part
 * of the key: a message and a case with the same client id are two different things, so a retried
 * case can never be answered with a message.
 */
export interface ClientKey {
  orgId: string
  authorId: string
  kind: 'message' | 'case'
  clientId: string
}

export async function itemIdByClientId(db: DbOrTx, key: ClientKey): Promise<string | undefined> {
  const row = await db
    .selectFrom('item')
    .select('id')
    .where('org_id', '=', key.orgId)
    .where('author_id', '=', key.authorId)
    .where('kind', '=', key.kind)
    .where('client_id', '=', key.clientId)
    .executeTakeFirst()
  return row?.id
}

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505'
}

/**
 * First write wins, for anything created once per client id: a retry finds what the first request
 * made (`find`); two requests racing past that look-up are settled by the table's unique index on
 * the id, and the loser (its whole transaction rolled back) gets the winner's. Without an id
 * (`find` null) every call creates.
 */
export async function firstWriteWins(find: (() => Promise<string | undefined>) | null, create: () => Promise<string>): Promise<{ id: string; created: boolean }> {
  const existing = find && (await find())
  if (existing) return { id: existing, created: false }
  try {
    return { id: await create(), created: true }
  } catch (err) {
    const raced = find && isUniqueViolation(err) ? await find() : undefined
    if (raced) return { id: raced, created: false }
    throw err
  }
}

/**
 * First write wins for items: `create` must insert the item with `key.kind` and `key.clientId`,
 * so that the unique constraint on (org, author, kind, client id) settles two racing requests.
 */
export function createOnce(db: DbOrTx, key: ClientKey | null, create: () => Promise<string>): Promise<{ id: string; created: boolean }> {
  return firstWriteWins(key && (() => itemIdByClientId(db, key)), create)
}
