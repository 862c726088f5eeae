import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { Item, ItemUpdate, NewItem } from '../db/tables/item'
import type { Media } from '../db/tables/media'
import type { Message } from '../db/tables/message'
import type { CaseReport } from '../db/tables/case-report'
import type { Role } from '../../domain/roles'
import { hasAnyRole } from '../../domain/roles'
import { INBOX_ROLES } from '../../domain/desk'
import { NotFoundError } from '../../domain/errors'
import { photosOfItems } from './media'

export interface Actor {
  id: string
  orgId: string
  roles: readonly Role[]
}

/** Desk roles see their bureau's whole inbox; anyone else only what they wrote. */
export const seesInbox = (actor: Actor) => hasAnyRole(actor.roles, INBOX_ROLES)

/** What an actor may see; `lock` takes the row lock a change needs (SELECT … FOR UPDATE). */
export async function loadVisibleItem(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<Item> {
  let q = db.selectFrom('item').selectAll().where('id', '=', id).where('org_id', '=', actor.orgId)
  if (lock) q = q.forUpdate()
  const item = await q.executeTakeFirst()
  // 404, not 403: do not reveal that someone else's item (or another bureau's) exists.
  if (!item || (!seesInbox(actor) && item.author_id !== actor.id)) throw new NotFoundError('内容不存在，或您无权查看')
  return item
}

export async function insertItem(db: DbOrTx, item: NewItem): Promise<Item> {
  return db.insertInto('item').values(item).returningAll().executeTakeFirstOrThrow()
}

/** Every change goes through here, so every change bumps the version and the activity time. */
export async function updateItem(db: DbOrTx, id: string, patch: ItemUpdate, at: Date): Promise<Item> {
  return db
    .updateTable('item')
    .set({ ...patch, last_activity_at: at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

const MESSAGE_DETAIL_COLUMNS = [
  'category',
  'body',
  'anonymous',
  'contact_phone',
  'tracking_code',
  'business_name',
  'business_credit_code',
  'praised',
  'place_address',
  'place_lat',
  'place_lng'
] as const

/** Everything an item's detail shows besides the item row, read at once. */
export interface ItemParts {
  message?: Pick<Message, (typeof MESSAGE_DETAIL_COLUMNS)[number]>
  report?: Omit<CaseReport, 'item_id'>
  authorName: string | null
  departmentName: string | null
  assignee: { id: string; name: string } | null
  photos: Media[]
}

export async function loadItemParts(db: DbOrTx, item: Item): Promise<ItemParts> {
  const [message, report, author, dept, assignee, photos] = await Promise.all([
    db.selectFrom('message').select(MESSAGE_DETAIL_COLUMNS).where('item_id', '=', item.id).executeTakeFirst(),
    db.selectFrom('case_report').select(['title', 'body', 'occurred_at', 'place_address', 'place_lat', 'place_lng']).where('item_id', '=', item.id).executeTakeFirst(),
    db.selectFrom('app_user').select('name').where('id', '=', item.author_id).executeTakeFirst(),
    item.department_id ? db.selectFrom('department').select('name').where('id', '=', item.department_id).executeTakeFirst() : undefined,
    item.assignee_id ? db.selectFrom('app_user').select(['id', 'name']).where('id', '=', item.assignee_id).executeTakeFirst() : undefined,
    photosOfItems(db, [item.id])
  ])
  return {
    message,
    report,
    authorName: author?.name ?? null,
    departmentName: dept?.name ?? null,
    assignee: assignee ?? null,
    photos: photos.get(item.id) ?? []
  }
}

/** A colleague who may hold an item: same bureau, works the desk. */
export async function findDeskUser(db: DbOrTx, orgId: string, userId: string): Promise<{ id: string; name: string; department_id: string | null } | undefined> {
  // A disabled colleague holds nothing new.
  const user = await db.selectFrom('app_user').select(['id', 'name', 'roles', 'department_id']).where('id', '=', userId).where('org_id', '=', orgId).where('disabled_at', 'is', null).executeTakeFirst()
  return user && hasAnyRole(user.roles, INBOX_ROLES) ? { id: user.id, name: user.name, department_id: user.department_id } : undefined
}

export async function findDepartment(db: DbOrTx, orgId: string, id: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('department').select(['id', 'name']).where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst()
}

/**
 * Locks an item and the other item an action names (a merge's survivor) in id order, so two
 * merges of the same pair in opposite directions cannot deadlock; returns the other one as
 * found in the bureau, or null.
 */
export async function lockWithOther(db: DbOrTx, orgId: string, id: string, otherId: string): Promise<Pick<Item, 'id' | 'kind' | 'status'> | null> {
  const rows = await db
    .selectFrom('item')
    .select(['id', 'kind', 'status'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [id, otherId])
    .orderBy('id')
    .forUpdate()
    .execute()
  return rows.find((r) => r.id === otherId) ?? null
}
