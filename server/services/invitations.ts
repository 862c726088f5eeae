import QRCode from 'qrcode'
import type { Db } from '../db/database'
import type { CreateInvitationBody, InvitationView } from '../../domain/schemas/auth'
import { InvalidError } from '../../domain/errors'
import { claimInvitation, insertInvitation } from '../repositories/invitations'
import { findDepartment } from '../repositories/items'
import { newReadableCode } from '../repositories/readable-code'
import { addRole } from '../repositories/users'
import { inTransaction } from './transaction'

/**
 * The code itself as a QR code, drawn here as SVG (nothing from another host): the invitee scans
 * it (WeChat's scanner reads text) or reads it off the admin's screen, and types it under 兑换.
 */
export function invitationQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}

export async function createInvitation(db: Db, admin: { id: string; orgId: string }, input: CreateInvitationBody): Promise<InvitationView> {
  if (input.departmentId && !(await findDepartment(db, admin.orgId, input.departmentId))) throw new InvalidError('所选部门不存在', 'departmentId')
  const expiresAt = new Date(Date.now() + (input.expiresInDays ?? 7) * 86_400_000)
  const row = await insertInvitation(db, { org_id: admin.orgId, code: newReadableCode(), role: input.role, department_id: input.departmentId ?? null, created_by: admin.id, expires_at: expiresAt })
  return { code: row.code, qrSvg: await invitationQrSvg(row.code), role: row.role, departmentId: row.department_id, expiresAt: row.expires_at.toISOString() }
}

export const INVALID_INVITATION = '邀请码无效：可能输错了、已被使用或已过期。请核对后重新输入，或向管理员索取新的邀请码'

/** Claims the code and grants its role in one transaction. */
export async function redeemInvitation(db: Db, user: { id: string; orgId: string }, rawCode: string): Promise<void> {
  const code = rawCode.trim().toUpperCase()
  await inTransaction(db, async ({ tx }) => {
    const claimed = await claimInvitation(tx, user.orgId, code, user.id, new Date())
    // Unknown, used and expired codes get one answer: a guesser learns nothing about which exist.
    if (!claimed) throw new InvalidError(INVALID_INVITATION, 'code', 'invitation_invalid')
    await addRole(tx, user.id, claimed.role, claimed.department_id)
  })
}
