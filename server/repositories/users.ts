import type { DbOrTx } from '../db/database'
import type { AppUser } from '../db/tables/app-user'
import type { Role } from '../../domain/roles'
import type { UserView } from '../../domain/schemas/auth'

export async function findUserById(db: DbOrTx, id: string): Promise<AppUser | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findUserByUsername(db: DbOrTx, orgId: string, username: string) {
  return db.selectFrom('app_user').selectAll().where('org_id', '=', orgId).where('username', '=', username).executeTakeFirst()
}

/** Finds or creates by a unique column; ON CONFLICT makes concurrent first logins safe. */
async function upsertBy(db: DbOrTx, column: 'wechat_openid' | 'dev_key', orgId: string, key: string, init: { name: string; roles: Role[] }) {
  await db
    .insertInto('app_user')
    .values({ org_id: orgId, name: init.name, roles: init.roles, [column]: key })
    .onConflict((oc) => oc.columns(['org_id', column]).doNothing())
    .execute()
  return db.selectFrom('app_user').selectAll().where('org_id', '=', orgId).where(column, '=', key).executeTakeFirstOrThrow()
}

export function findOrCreateWechatUser(db: DbOrTx, orgId: string, openid: string) {
  return upsertBy(db, 'wechat_openid', orgId, openid, { name: '微信用户', roles: ['citizen'] })
}

/** Dev mode: the same role and name always give the same user. */
export function findOrCreateDevUser(db: DbOrTx, orgId: string, role: Role, name: string) {
  const roles: Role[] = role === 'citizen' ? ['citizen'] : ['citizen', role]
  return upsertBy(db, 'dev_key', orgId, `${role}:${name}`, { name, roles })
}

export async function addRole(db: DbOrTx, userId: string, role: Role, departmentId: string | null) {
  const user = await db.selectFrom('app_user').select(['roles', 'department_id']).where('id', '=', userId).executeTakeFirstOrThrow()
  const roles = user.roles.includes(role) ? user.roles : [...user.roles, role]
  await db
    .updateTable('app_user')
    .set({ roles, department_id: departmentId ?? user.department_id })
    .where('id', '=', userId)
    .execute()
}

export async function toUserView(db: DbOrTx, user: AppUser): Promise<UserView> {
  const dept = user.department_id
    ? await db.selectFrom('department').select('name').where('id', '=', user.department_id).executeTakeFirst()
    : undefined
  return {
    id: user.id,
    orgId: user.org_id,
    name: user.name,
    roles: user.roles,
    departmentId: user.department_id,
    departmentName: dept?.name ?? null
  }
}
