import type { DbOrTx } from '../db/database'
import type { SavedView } from '../db/tables/saved-view'
import type { InboxViewQuery, SavedViewBody, SavedViewView } from '../../domain/schemas/inbox'
import { SAVED_VIEWS_MAX } from '../../domain/schemas/inbox'
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors'

export interface ViewOwner {
  id: string
  orgId: string
}

const NOT_FOUND = '视图不存在，或不是您保存的视图'

export const toSavedViewView = (v: SavedView): SavedViewView => ({
  id: v.id,
  label: v.label,
  query: v.query,
  createdAt: v.created_at.toISOString(),
  updatedAt: v.updated_at.toISOString()
})

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505'
const labelTaken = (label: string) => new ConflictError(`已有名为「${label}」的视图，请换一个名称`, { label })

/** A person's own views, in the order they were made. Views are personal: nobody else sees them. */
export async function listSavedViews(db: DbOrTx, owner: ViewOwner): Promise<SavedView[]> {
  return db.selectFrom('saved_view').selectAll().where('owner_id', '=', owner.id).where('org_id', '=', owner.orgId).orderBy('position').orderBy('created_at').orderBy('id').execute()
}

export async function findSavedViewQuery(db: DbOrTx, owner: ViewOwner, id: string): Promise<InboxViewQuery> {
  const row = await db.selectFrom('saved_view').select('query').where('id', '=', id).where('owner_id', '=', owner.id).where('org_id', '=', owner.orgId).executeTakeFirst()
  if (!row) throw new NotFoundError(NOT_FOUND)
  return row.query
}

function cleanLabel(label: string): string {
  const clean = label.trim()
  if (!clean) throw new InvalidError('视图名称不能为空', 'label')
  return clean
}

export async function createSavedView(db: DbOrTx, owner: ViewOwner, body: SavedViewBody): Promise<SavedView> {
  const label = cleanLabel(body.label)
  const { count } = await db.selectFrom('saved_view').select((e) => e.fn.countAll<number>().as('count')).where('owner_id', '=', owner.id).executeTakeFirstOrThrow()
  if (Number(count) >= SAVED_VIEWS_MAX) throw new ConflictError(`最多保存 ${SAVED_VIEWS_MAX} 个视图，请先删除不用的视图`, { max: SAVED_VIEWS_MAX })
  try {
    return await db
      .insertInto('saved_view')
      .values({ org_id: owner.orgId, owner_id: owner.id, label, query: JSON.stringify(body.query) as unknown as InboxViewQuery, position: Number(count) })
      .returningAll()
      .executeTakeFirstOrThrow()
  } catch (err) {
    if (isUniqueViolation(err)) throw labelTaken(label)
    throw err
  }
}

export async function updateSavedView(db: DbOrTx, owner: ViewOwner, id: string, body: SavedViewBody): Promise<SavedView> {
  const label = cleanLabel(body.label)
  try {
    const row = await db
      .updateTable('saved_view')
      .set({ label, query: JSON.stringify(body.query) as unknown as InboxViewQuery, updated_at: new Date() })
      .where('id', '=', id)
      .where('owner_id', '=', owner.id)
      .where('org_id', '=', owner.orgId)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw new NotFoundError(NOT_FOUND)
    return row
  } catch (err) {
    if (isUniqueViolation(err)) throw labelTaken(label)
    throw err
  }
}

export async function deleteSavedView(db: DbOrTx, owner: ViewOwner, id: string): Promise<void> {
  const res = await db.deleteFrom('saved_view').where('id', '=', id).where('owner_id', '=', owner.id).where('org_id', '=', owner.orgId).executeTakeFirst()
  if (!res.numDeletedRows) throw new NotFoundError(NOT_FOUND)
}
