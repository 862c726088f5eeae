import type { Db } from '../db/database'
import type { Role } from '../../domain/roles'
import { INVITABLE_ROLES } from '../../domain/roles'
import { INBOX_ROLES } from '../../domain/desk'
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../../domain/errors'
import { unknownPlaceholders } from '../../domain/canned-replies'
import { beijingDay, yearOf } from '../../domain/deadlines/day'
import { LIMITS } from '../../domain/limits'
import { NO_DEPARTMENT } from '../../domain/people-filter'
import type {
  AdminPeopleList,
  AdminPeopleQuery,
  AdminPersonView,
  CannedReplyView,
  CreateCannedReplyBody,
  CreateTopicBody,
  PeopleQuery,
  PersonView,
  UpdateCannedReplyBody,
  UpdatePersonBody,
  UpdateTopicBody
} from '../../domain/schemas/admin'
import * as repo from '../repositories/admin'
import { findDepartment } from '../repositories/items'
import { revokeUserSessions } from '../repositories/sessions'
import { inTransaction } from './transaction'
import { holdToCap } from './list-caps'

export interface AdminActor {
  id: string
  orgId: string
  roles: readonly Role[]
}

/** Schemas allow a name of spaces; trimmed it would be empty. */
function named(value: string, field: string, label: string): string {
  const v = value.trim()
  if (!v) throw new InvalidError(`${label}不能为空`, field)
  return v
}

const isAdmin = (roles: readonly Role[]) => roles.includes('admin')

const toPerson = (row: repo.PersonRow): PersonView => ({
  id: row.id,
  name: row.name,
  roles: row.roles,
  department: row.department_id ? { id: row.department_id, name: row.department_name ?? '' } : null,
  disabled: row.disabled_at !== null
})

/** The current year in Beijing: what "this year's" topics means. */
export const currentTopicYear = (now = new Date()) => yearOf(beijingDay(now))

// ---- people

/** Colleagues who work the desk (the ones an item can be assigned to). Disabled ones: admins only. */
export async function listDeskPeople(db: Db, actor: AdminActor, query: PeopleQuery): Promise<PersonView[]> {
  if (query.includeDisabled && !isAdmin(actor.roles)) throw new ForbiddenError('只有管理员可以查看已停用的人员')
  const rows = await repo.listPeople(db, actor.orgId, { anyRole: INBOX_ROLES, role: query.role, departmentId: query.departmentId, includeDisabled: query.includeDisabled ?? false })
  return rows.map(toPerson)
}

const toAdminPerson = (row: repo.PersonRow): AdminPersonView => ({ ...toPerson(row), username: row.username, createdAt: row.created_at.toISOString() })

/**
 * Everyone an admin manages (holders of a role beyond citizen, enabled or not), a page at a time:
 * a county bureau has a few hundred, officers of every 所 among them. A search of spaces only is
 * no search.
 */
export async function listManagedPeople(db: Db, actor: AdminActor, query: AdminPeopleQuery): Promise<AdminPeopleList> {
  const q = query.q?.trim() || undefined
  const departmentId = query.departmentId === NO_DEPARTMENT ? null : query.departmentId
  const page = await repo.pagePeople(
    db,
    actor.orgId,
    { anyRole: INVITABLE_ROLES, role: query.role, departmentId, includeDisabled: true, q },
    { limit: query.limit ?? LIMITS.adminPeoplePage, cursor: query.cursor }
  )
  return { people: page.rows.map(toAdminPerson), nextCursor: page.nextCursor }
}

export const LAST_ADMIN = '本局至少要保留一位在用的管理员：请先让另一位同事成为管理员'

/**
 * Changes roles, department or the disabled flag in one transaction. Disabling revokes every
 * session of the person there and then, and the token check refuses disabled accounts, so it
 * holds from the next request on. The bureau always keeps one enabled admin.
 */
export async function updatePerson(db: Db, actor: AdminActor, id: string, input: UpdatePersonBody): Promise<AdminPersonView> {
  if (input.roles === undefined && input.departmentId === undefined && input.disabled === undefined) {
    throw new InvalidError('请说明要修改什么（roles、departmentId 或 disabled）', 'roles')
  }
  if (input.disabled === true && id === actor.id) throw new ConflictError('不能停用自己的账号', { id }, 'self_disable')
  await inTransaction(db, async ({ tx }) => {
    // Admins first, then the person: every change to admins locks in the same order.
    const admins = await repo.lockActiveAdmins(tx, actor.orgId)
    const person = await repo.lockPerson(tx, actor.orgId, id)
    if (!person) throw new NotFoundError('该人员不存在')
    if (input.departmentId && !(await findDepartment(tx, actor.orgId, input.departmentId))) throw new InvalidError('所选部门不存在', 'departmentId')
    // Citizen is what every WeChat user is; the admin sets the roles beyond it.
    const roles: Role[] | undefined = input.roles ? [...person.roles.filter((r) => r === 'citizen'), ...input.roles] : undefined
    const wasAdmin = person.disabled_at === null && person.roles.includes('admin')
    const staysAdmin = (input.disabled ?? person.disabled_at !== null) === false && (roles ?? person.roles).includes('admin')
    if (wasAdmin && !staysAdmin && admins.filter((a) => a !== id).length === 0) throw new ConflictError(LAST_ADMIN, { id }, 'last_admin')
    await repo.updatePerson(tx, id, { roles, department_id: input.departmentId, disabled: input.disabled })
    if (input.disabled === true) await revokeUserSessions(tx, id, 'admin_disable')
  })
  const [row] = await repo.listPeople(db, actor.orgId, { id, includeDisabled: true })
  return toAdminPerson(row)
}

// ---- topics

export async function createTopic(db: Db, actor: AdminActor, input: CreateTopicBody) {
  const name = named(input.name, 'name', '主题名称')
  return inTransaction(db, async (scope) => {
    const topic = await repo.insertTopic(scope.tx, actor.orgId, { name, year: input.year, active: input.active ?? true })
    await holdToCap(scope, 'topicsPerYear', actor.orgId, (cap) => `${input.year} 年已有 ${cap} 个重点主题，达到上限，不能再新增：可将不再使用的主题改名后沿用`, input.year)
    return topic
  })
}

export async function updateTopic(db: Db, actor: AdminActor, id: string, input: UpdateTopicBody) {
  return inTransaction(db, ({ tx }) => repo.updateTopic(tx, actor.orgId, id, { name: input.name === undefined ? undefined : named(input.name, 'name', '主题名称'), active: input.active }))
}

// ---- canned replies

function checkTemplate(body: string | undefined) {
  if (body === undefined) return
  if (!body.trim()) throw new InvalidError('模板内容不能为空', 'body')
  const unknown = unknownPlaceholders(body)
  if (unknown.length) throw new InvalidError(`模板中的 ${unknown.join('、')} 不是可用的占位符，请用按钮插入占位符`, 'body', 'unknown_placeholder')
}

export async function createCannedReply(db: Db, actor: AdminActor, input: CreateCannedReplyBody): Promise<CannedReplyView> {
  checkTemplate(input.body)
  const title = named(input.title, 'title', '模板名称')
  return inTransaction(db, async (scope) => {
    const reply = await repo.insertCannedReply(scope.tx, actor.orgId, actor.id, { title, body: input.body, action: input.action ?? null })
    await holdToCap(scope, 'cannedReplies', actor.orgId, (cap) => `本局已有 ${cap} 个答复模板，达到上限：请先删除不再使用的模板`)
    return reply
  })
}

export async function updateCannedReply(db: Db, actor: AdminActor, id: string, input: UpdateCannedReplyBody): Promise<CannedReplyView> {
  checkTemplate(input.body)
  return inTransaction(db, ({ tx }) => repo.updateCannedReply(tx, actor.orgId, id, { title: input.title === undefined ? undefined : named(input.title, 'title', '模板名称'), body: input.body, action: input.action }))
}

export async function deleteCannedReply(db: Db, actor: AdminActor, id: string): Promise<void> {
  await inTransaction(db, ({ tx }) => repo.deleteCannedReply(tx, actor.orgId, id))
}

// ---- departments

export async function createDepartment(db: Db, actor: AdminActor, name: string) {
  const trimmed = named(name, 'name', '部门名称')
  return inTransaction(db, async (scope) => {
    const department = await repo.insertDepartment(scope.tx, actor.orgId, trimmed)
    await holdToCap(scope, 'departments', actor.orgId, (cap) => `本局已有 ${cap} 个部门，达到上限，不能再新建：可将不再使用的部门改名后沿用`)
    return department
  })
}

export async function renameDepartment(db: Db, actor: AdminActor, id: string, name: string) {
  return inTransaction(db, ({ tx }) => repo.renameDepartment(tx, actor.orgId, id, named(name, 'name', '部门名称')))
}
