import type { Db } from '../db/database'
import type { CreateInvitationBody, InvitationView } from '../../domain/schemas/auth'
import { badRequest } from '../http/errors'
import { newReadableCode } from './readable-code'
import { addRole } from './users'

export const INVALID_INVITATION = '邀请码无效：可能输错了、已被使用或已过期。请核对后重新输入，或向管理员索取新的邀请码'

export async function createInvitation(db: Db, admin: { id: string; orgId: string }, input: CreateInvitationBody): Promise<InvitationView> {
  if (input.departmentId) {
    const dept = await db.selectFrom('department').select('id').where('id', '=', input.departmentId).where('org_id', '=', admin.orgId).executeTakeFirst()
    if (!dept) throw badRequest('所选部门不存在')
  }
  const expiresAt = new Date(Date.now() + (input.expiresInDays ?? 7) * 86_400_000)
  const row = await db
    .insertInto('invitation')
    .values({ org_id: admin.orgId, code: newReadableCode(), role: input.role, department_id: input.departmentId ?? null, created_by: admin.id, expires_at: expiresAt })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { code: row.code, role: row.role, departmentId: row.department_id, expiresAt: row.expires_at.toISOString() }
}

/**
 * One UPDATE claims the code, so two people redeeming at once cannot both succeed. Unknown, used
 * and expired codes get one answer: a guesser learns nothing about which codes exist.
 */
export async function redeemInvitation(db: Db, user: { id: string; orgId: string }, rawCode: string): Promise<void> {
  const code = rawCode.trim().toUpperCase()
  await db.transaction().execute(async (tx) => {
    const claimed = await tx
      .updateTable('invitation')
      .set({ redeemed_by: user.id, redeemed_at: new Date() })
      .where('code', '=', code)
      .where('org_id', '=', user.orgId)
      .where('redeemed_by', 'is', null)
      .where('expires_at', '>', new Date())
      .returning(['role', 'department_id'])
      .executeTakeFirst()
    if (!claimed) throw badRequest(INVALID_INVITATION, 'invitation_invalid')
    await addRole(tx, user.id, claimed.role, claimed.department_id)
  })
}
