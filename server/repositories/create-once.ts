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
 * First write wins: a retry (after a timeout, a restart, a double tap) gets the item the first
 * request made. `create` must insert the item with `key.kind` and `key.clientId`, so that the
 * unique constraint on (org, author, kind, client id) settles two requests racing past the first
 * look-up. Without a key every call creates.
 */
export async function createOnce(db: DbOrTx, key: ClientKey | null, create: () => Promise<string>): Promise<{ id: string; created: boolean }> {
  const existing = key && (await itemIdByClientId(db, key))
  if (existing) return { id: existing, created: false }
  try {
    return { id: await create(), created: true }
  } catch (err) {
    const raced = key && isUniqueViolation(err) ? await itemIdByClientId(db, key) : undefined
    if (raced) return { id: raced, created: false }
    throw err
  }
}
