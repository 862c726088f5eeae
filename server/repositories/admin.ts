import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { Role } from '../../domain/roles'
import type { CannedReplyAction } from '../../domain/canned-replies'
import { ConflictError, NotFoundError } from '../../domain/errors'
import { isUniqueViolation } from './create-once'
import { containsTerm } from './inbox-search'
import { CURSOR_TEXT_MAX, decodeCursor, filterTag, keysetPage, type CursorPart } from '../http/cursor'

// ---- departments

/** Whole, not paged: a bureau's departments are few, and LIST_CAPS.departments bounds them (creation refuses beyond). */
export async function listDepartments(db: DbOrTx, orgId: string) {
  return db.selectFrom('department').select(['id', 'name']).where('org_id', '=', orgId).orderBy('name').orderBy('id').execute()
}

/**
 * Department names are unique within a bureau: two 城关所 could not be told apart in a picker.
 * The unique constraint department_org_name_key (org_id, name) is the rule, on the trimmed name
 * the service stores; a look-up before the write would let two requests racing past it through
 * to a 500, so the write itself is the check.
 */
const nameTaken = (name: string) => new ConflictError(`已有名为「${name}」的部门`, { name }, 'department_exists')

export async function insertDepartment(db: DbOrTx, orgId: string, name: string) {
  // DO NOTHING rather than catching the violation: the loser of a race waits for the winner's
  // commit and then simply gets no row, with its transaction still usable.
  const row = await db
    .insertInto('department')
    .values({ org_id: orgId, name })
    .onConflict((oc) => oc.constraint('department_org_name_key').doNothing())
    .returning(['id', 'name'])
    .executeTakeFirst()
  if (!row) throw nameTaken(name)
  return row
}

export async function renameDepartment(db: DbOrTx, orgId: string, id: string, name: string) {
  try {
    const row = await db.updateTable('department').set({ name }).where('id', '=', id).where('org_id', '=', orgId).returning(['id', 'name']).executeTakeFirst()
    if (!row) throw new NotFoundError('该部门不存在')
    return row
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(name)
    throw err
  }
}

// ---- people

export interface PersonRow {
  id: string
  name: string
  roles: Role[]
  username: string | null
  created_at: Date
  disabled_at: Date | null
  department_id: string | null
  department_name: string | null
}

export interface PeopleFilter {
  /** Only people holding one of these roles (absent: anyone). */
  anyRole?: readonly Role[]
  id?: string
  role?: Role
  /** A department's people; null: those in none. */
  departmentId?: string | null
  includeDisabled: boolean
  /** A fragment of the name or the desk login, any case (trimmed, non-empty). */
  q?: string
}

function peopleQuery(db: DbOrTx, orgId: string, filter: PeopleFilter) {
  let q = db
    .selectFrom('app_user as u')
    .leftJoin('department as d', 'd.id', 'u.department_id')
    .select(['u.id', 'u.name', 'u.roles', 'u.username', 'u.created_at', 'u.disabled_at', 'u.department_id', 'd.name as department_name'])
    .where('u.org_id', '=', orgId)
  if (filter.anyRole) q = q.where(sql<boolean>`u.roles && ${sql.val(filter.anyRole)}::text[]`)
  if (filter.id) q = q.where('u.id', '=', filter.id)
  if (filter.role) q = q.where(sql<boolean>`${filter.role} = any(u.roles)`)
  if (filter.departmentId === null) q = q.where('u.department_id', 'is', null)
  else if (filter.departmentId) q = q.where('u.department_id', '=', filter.departmentId)
  if (!filter.includeDisabled) q = q.where('u.disabled_at', 'is', null)
  // The inbox's word test: the fragment as typed (% and _ included), in any letter case.
  if (filter.q) q = q.where(sql<boolean>`(${containsTerm(sql`u.name`, filter.q)} OR ${containsTerm(sql`coalesce(u.username, '')`, filter.q)})`)
  return q
}

export async function listPeople(db: DbOrTx, orgId: string, filter: PeopleFilter): Promise<PersonRow[]> {
  return peopleQuery(db, orgId, filter).orderBy('u.name').orderBy('u.id').execute()
}

/**
 * Name order as a keyset: the first CURSOR_TEXT_MAX characters of the name, then the id (unique,
 * so the order is total and a page boundary between two people of one name loses neither).
 */
const NAME_KEY = sql<string>`left(u.name, ${sql.lit(CURSOR_TEXT_MAX)})`
const PEOPLE_CURSOR: CursorPart[] = ['text', 'uuid']

/**
 * One page of people in name order. The cursor carries the last row's key and the filter it was
 * made under: a cursor of another filter is a 400 (invalidCursor), never a page of the wrong list.
 */
export async function pagePeople(db: DbOrTx, orgId: string, filter: PeopleFilter, page: { limit: number; cursor?: string }): Promise<{ rows: PersonRow[]; nextCursor: string | null }> {
  const tag = filterTag('people', { anyRole: filter.anyRole?.join(), id: filter.id, role: filter.role, departmentId: filter.departmentId, includeDisabled: filter.includeDisabled, q: filter.q })
  let q = peopleQuery(db, orgId, filter).select(NAME_KEY.as('sort_name'))
  if (page.cursor) {
    const [name, id] = decodeCursor(page.cursor, tag, PEOPLE_CURSOR) as [string, string]
    q = q.where(sql<boolean>`(${NAME_KEY}, u.id) > (${name}::text, ${id}::uuid)`)
  }
  const rows = await q.orderBy(NAME_KEY).orderBy('u.id').limit(page.limit + 1).execute()
  return keysetPage(rows, page.limit, tag, (last) => [last.sort_name, last.id])
}

/** The user row locked for a change, within the bureau. */
export async function lockPerson(db: DbOrTx, orgId: string, id: string) {
  return db.selectFrom('app_user').select(['id', 'roles', 'department_id', 'disabled_at']).where('id', '=', id).where('org_id', '=', orgId).forUpdate().executeTakeFirst()
}

/** Enabled admins of the bureau, locked: two admins demoting each other at once cannot both win. */
export async function lockActiveAdmins(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('org_id', '=', orgId)
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`'admin' = any(roles)`)
    .orderBy('id')
    .forUpdate()
    .execute()
  return rows.map((r) => r.id)
}

export async function updatePerson(db: DbOrTx, id: string, patch: { roles?: Role[]; department_id?: string | null; disabled?: boolean }) {
  const set: Record<string, unknown> = {}
  if (patch.roles) set.roles = patch.roles
  if (patch.department_id !== undefined) set.department_id = patch.department_id
  if (patch.disabled !== undefined) set.disabled_at = patch.disabled ? sql`coalesce(disabled_at, now())` : null
  if (Object.keys(set).length) await db.updateTable('app_user').set(set).where('id', '=', id).execute()
}

// ---- topics

/** Whole, not paged: one year's plan, bounded by LIST_CAPS.topicsPerYear. */
export async function listTopics(db: DbOrTx, orgId: string, year: number) {
  return db.selectFrom('topic').select(['id', 'name', 'year', 'active']).where('org_id', '=', orgId).where('year', '=', year).orderBy('name').orderBy('id').execute()
}

/** Names of the given ones that are not active topics of the bureau's year. */
export async function inactiveOrUnknownTopics(db: DbOrTx, orgId: string, year: number, names: readonly string[]): Promise<string[]> {
  if (!names.length) return []
  const rows = await db.selectFrom('topic').select('name').where('org_id', '=', orgId).where('year', '=', year).where('active', '=', true).where('name', 'in', names).execute()
  const ok = new Set(rows.map((r) => r.name))
  return names.filter((n) => !ok.has(n))
}

const TOPIC_TAKEN = (name: string, year: number) => new ConflictError(`${year} 年已有重点主题「${name}」`, { name, year }, 'topic_exists')

async function assertTopicFree(db: DbOrTx, orgId: string, year: number, name: string, exceptId?: string) {
  let q = db.selectFrom('topic').select('id').where('org_id', '=', orgId).where('year', '=', year).where('name', '=', name)
  if (exceptId) q = q.where('id', '<>', exceptId)
  if (await q.executeTakeFirst()) throw TOPIC_TAKEN(name, year)
}

export async function insertTopic(db: DbOrTx, orgId: string, row: { name: string; year: number; active: boolean }) {
  await assertTopicFree(db, orgId, row.year, row.name)
  // The unique key still guards a race between the check and the insert: nothing is inserted then.
  const inserted = await db
    .insertInto('topic')
    .values({ org_id: orgId, ...row })
    .onConflict((oc) => oc.constraint('topic_org_year_name_key').doNothing())
    .returning(['id', 'name', 'year', 'active'])
    .executeTakeFirst()
  if (!inserted) throw TOPIC_TAKEN(row.name, row.year)
  return inserted
}

export async function updateTopic(db: DbOrTx, orgId: string, id: string, patch: { name?: string; active?: boolean }) {
  const current = await db.selectFrom('topic').select(['id', 'year']).where('id', '=', id).where('org_id', '=', orgId).forUpdate().executeTakeFirst()
  if (!current) throw new NotFoundError('该重点主题不存在')
  if (patch.name !== undefined) await assertTopicFree(db, orgId, current.year, patch.name, id)
  if (patch.name === undefined && patch.active === undefined) {
    return db.selectFrom('topic').select(['id', 'name', 'year', 'active']).where('id', '=', id).executeTakeFirstOrThrow()
  }
  return db.updateTable('topic').set(patch).where('id', '=', id).returning(['id', 'name', 'year', 'active']).executeTakeFirstOrThrow()
}

// ---- canned replies

const CANNED_COLUMNS = ['id', 'title', 'body', 'action'] as const

/** Whole, not paged: the reply picker shows them all; bounded by LIST_CAPS.cannedReplies. */
export async function listCannedReplies(db: DbOrTx, orgId: string) {
  return db.selectFrom('canned_reply').select(CANNED_COLUMNS).where('org_id', '=', orgId).orderBy('title').orderBy('id').execute()
}

export async function insertCannedReply(db: DbOrTx, orgId: string, createdBy: string, row: { title: string; body: string; action: CannedReplyAction | null }) {
  return db.insertInto('canned_reply').values({ org_id: orgId, created_by: createdBy, ...row }).returning(CANNED_COLUMNS).executeTakeFirstOrThrow()
}

export async function updateCannedReply(db: DbOrTx, orgId: string, id: string, patch: { title?: string; body?: string; action?: CannedReplyAction | null }) {
  const row = await db
    .updateTable('canned_reply')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .returning(CANNED_COLUMNS)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('该答复模板不存在')
  return row
}

export async function deleteCannedReply(db: DbOrTx, orgId: string, id: string) {
  const result = await db.deleteFrom('canned_reply').where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst()
  if (!Number(result.numDeletedRows)) throw new NotFoundError('该答复模板不存在')
}
