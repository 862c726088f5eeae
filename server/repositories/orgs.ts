import crypto from 'node:crypto'
import { hash } from '@node-rs/argon2'
import type { DbOrTx } from '../db/database'

export const DEFAULT_ORG_NAME = '县市场监督管理局'

/** The bureau this deployment serves by default (mini-program logins land here). */
export async function ensureDefaultOrg(db: DbOrTx): Promise<string> {
  const existing = await db.selectFrom('org').select('id').orderBy('created_at').limit(1).executeTakeFirst()
  if (existing) return existing.id
  const row = await db.insertInto('org').values({ name: DEFAULT_ORG_NAME }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/**
 * First start with no admin: create `admin` with a random one-time password and hand it back
 * once, for the operator to read in the start-up output; the first login must replace it.
 * Later starts return null.
 */
export async function ensureAdmin(db: DbOrTx, orgId: string): Promise<{ username: string; password: string } | null> {
  const admin = await db
    .selectFrom('app_user')
    .select('id')
    .where('org_id', '=', orgId)
    .where(({ eb }) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
    .executeTakeFirst()
  if (admin) return null
  const password = crypto.randomBytes(9).toString('base64url')
  await db
    .insertInto('app_user')
    .values({ org_id: orgId, name: '系统管理员', roles: ['admin', 'staff'], username: 'admin', password_hash: await hash(password), must_change_password: true })
    .execute()
  return { username: 'admin', password }
}
