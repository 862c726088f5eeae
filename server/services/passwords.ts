import crypto from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import type { Db } from '../db/database'
import type { AppUser } from '../db/tables/app-user'
import { InvalidError, NotFoundError, UnauthenticatedError } from '../../domain/errors'
import { findUserById, findUserByUsername } from '../repositories/users'
import { revokeUserSessions } from '../repositories/sessions'

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

// Verified when the username is unknown or has no password, so that a wrong username costs the
// same argon2 work as a wrong password and usernames cannot be found by timing.
let dummyHash: Promise<string> | null = null
const dummy = () => (dummyHash ??= hash(crypto.randomBytes(24).toString('base64url')))

const WRONG = '用户名或密码不正确'

/** The user, if the password is theirs; one message for every failure. */
export async function checkPassword(db: Db, orgId: string, username: string, password: string): Promise<AppUser> {
  const user = await findUserByUsername(db, orgId, username)
  const stored = user?.password_hash ?? (await dummy())
  const ok = await verify(stored, password).catch(() => false)
  if (!user?.password_hash || !ok) throw new UnauthenticatedError(WRONG)
  return user
}

function checkNewPassword(user: AppUser, password: string): void {
  const length = Array.from(password).length
  if (length < PASSWORD_MIN) throw new InvalidError(`新密码至少 ${PASSWORD_MIN} 位，请重新设置`, undefined, 'weak_password')
  if (length > PASSWORD_MAX) throw new InvalidError(`新密码不能超过 ${PASSWORD_MAX} 位`, undefined, 'weak_password')
  if (user.username && password.toLowerCase().includes(user.username.toLowerCase())) {
    throw new InvalidError('新密码不能包含用户名，请换一个', undefined, 'weak_password')
  }
}

/**
 * The holder changes their own password (also how a one-time password is replaced). Other
 * sign-ins of the account end: whoever knew the old password is out.
 */
export async function changePassword(db: Db, actor: { id: string; sessionId: string }, current: string, next: string): Promise<AppUser> {
  const user = await findUserById(db, actor.id)
  if (!user?.password_hash) throw new InvalidError('此账号没有设置密码，无需修改', undefined, 'no_password')
  if (!(await verify(user.password_hash, current).catch(() => false))) throw new InvalidError('当前密码不正确，请重新输入', undefined, 'wrong_password')
  if (current === next) throw new InvalidError('新密码不能与当前密码相同', undefined, 'weak_password')
  checkNewPassword(user, next)
  const passwordHash = await hash(next)
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: false })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await revokeUserSessions(tx, user.id, 'password_change', actor.sessionId)
    return updated
  })
}

/** An admin hands a desk user a new one-time password; the user's sign-ins end at once. */
export async function resetPassword(db: Db, admin: { orgId: string }, userId: string): Promise<{ username: string; password: string }> {
  const user = await findUserById(db, userId)
  if (!user || user.org_id !== admin.orgId) throw new NotFoundError('该用户不存在')
  if (!user.username) throw new InvalidError('该用户没有电脑端账号（只用微信登录），无需重置密码', undefined, 'no_password')
  const password = crypto.randomBytes(9).toString('base64url')
  const passwordHash = await hash(password)
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('app_user').set({ password_hash: passwordHash, must_change_password: true }).where('id', '=', user.id).execute()
    await revokeUserSessions(tx, user.id, 'password_reset')
  })
  return { username: user.username, password }
}
