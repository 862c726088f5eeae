import type { Db } from '../db/database'
import type { CreateInvitationBody, InvitationView } from '../../domain/schemas/auth'
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors'
import { claimInvitation, findInvitation, insertInvitation } from '../repositories/invitations'
import { findDepartment } from '../repositories/items'
import { newReadableCode } from '../repositories/readable-code'
import { addRole } from '../repositories/users'
import { inTransaction } from './transaction'

export async function createInvitation(db: Db, admin: { id: string; orgId: string }, input: CreateInvitationBody): Promise<InvitationView> {
  if (input.departmentId && !(await findDepartment(db, admin.orgId, input.departmentId))) throw new InvalidError('所选部门不存在', 'departmentId')
  const expiresAt = new Date(Date.now() + (input.expiresInDays ?? 7) * 86_400_000)
  const row = await insertInvitation(db, { org_id: admin.orgId, code: newReadableCode(), role: input.role, department_id: input.departmentId ?? null, created_by: admin.id, expires_at: expiresAt })
  return { code: row.code, role: row.role, departmentId: row.department_id, expiresAt: row.expires_at.toISOString() }
}

/** Claims the code and grants its role in one transaction. */
export async function redeemInvitation(db: Db, user: { id: string; orgId: string }, rawCode: string): Promise<void> {
  const code = rawCode.trim().toUpperCase()
  await inTransaction(db, async ({ tx }) => {
    const claimed = await claimInvitation(tx, user.orgId, code, user.id, new Date())
    if (!claimed) {
      const found = await findInvitation(tx, user.orgId, code)
      if (!found) throw new NotFoundError('邀请码不存在，请核对后重新输入')
      if (found.redeemed_by) throw new ConflictError('该邀请码已被使用，请向管理员索取新的邀请码')
      throw new InvalidError('该邀请码已过期，请向管理员索取新的邀请码', 'code', 'invitation_expired')
    }
    await addRole(tx, user.id, claimed.role, claimed.department_id)
  })
}
