export const ROLES = ['citizen', 'officer', 'staff', 'reviewer', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  citizen: '群众',
  officer: '基层干部',
  staff: '宣传人员',
  reviewer: '审核人',
  admin: '管理员'
}

/** Roles an invitation may grant; citizen is what every WeChat user already is. */
export const INVITABLE_ROLES = ['officer', 'staff', 'reviewer', 'admin'] as const
export type InvitableRole = (typeof INVITABLE_ROLES)[number]

export function hasAnyRole(userRoles: readonly Role[], wanted: readonly Role[]): boolean {
  return userRoles.some((r) => wanted.includes(r))
}

// Who works the desk is defined in desk.ts; re-exported here for code written before it existed.
export { INBOX_ROLES, DESK_ROLES } from './desk'

/**
 * Who takes an action no person takes (a message nobody rated within the time closes by a
 * job). Never a user's role: no account holds it, so no request can act as it.
 */
export const SYSTEM_ROLE = 'system' as const
export type MachineRole = Role | typeof SYSTEM_ROLE
