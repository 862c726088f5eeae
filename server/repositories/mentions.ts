import type { DbOrTx } from '../db/database'
import type { NewItemMention } from '../db/tables/item-mention'
import { INBOX_ROLES } from '../../domain/desk'

/**
 * Users of the bureau who work the desk and carry one of `names`: only they can read an
 * internal note, so a citizen who happens to share a colleague's name is never mentioned.
 */
export async function resolveMentions(db: DbOrTx, orgId: string, names: string[]): Promise<string[]> {
  if (!names.length) return []
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', 'in', names)
    .where((eb) => eb('roles', '&&', eb.val(INBOX_ROLES as string[]).$castTo<any>()))
    .execute()
  return rows.map((r) => r.id)
}

export async function saveMentions(db: DbOrTx, rows: NewItemMention[]): Promise<void> {
  if (rows.length) await db.insertInto('item_mention').values(rows).onConflict((oc) => oc.doNothing()).execute()
}

/** Notes that named a user, newest first, with the item they are on. */
export async function listMentions(db: DbOrTx, orgId: string, userId: string, limit = 50) {
  return db
    .selectFrom('item_mention as m')
    .innerJoin('item_event as e', 'e.id', 'm.event_id')
    .innerJoin('item as i', 'i.id', 'm.item_id')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['m.item_id', 'i.kind', 'm.event_id', 'e.body', 'u.name as actor_name', 'e.created_at'])
    .where('m.user_id', '=', userId)
    .where('m.org_id', '=', orgId)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.event_id', 'desc')
    .limit(limit)
    .execute()
}
