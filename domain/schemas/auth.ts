import { Type, type Static } from 'typebox'
import { DateTime, Line, Text } from './formats'
import { ROLES, INVITABLE_ROLES } from '../roles'
import { Id, literalUnion } from './common'
import { LIMITS } from '../limits'

export const RoleSchema = literalUnion(ROLES, { title: '角色' })

export const UserView = Type.Object({
  id: Id,
  orgId: Id,
  name: Type.String(),
  roles: Type.Array(RoleSchema),
  departmentId: Type.Union([Id, Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()])
})
export type UserView = Static<typeof UserView>

/**
 * A sign-in. `token` is the short-lived access token (bearer); `refreshToken` buys the next pair at
 * POST /api/auth/refresh and works once. `mustChangePassword`: the password was one-time; every
 * route but POST /api/auth/password/change answers 403 until it is replaced.
 */
export const SessionView = Type.Object({
  token: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
  mustChangePassword: Type.Boolean(),
  user: UserView
})
export type SessionView = Static<typeof SessionView>

export const RefreshBody = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 256, pattern: '^[A-Za-z0-9_-]+$', title: '登录凭证' }) },
  { additionalProperties: false }
)
export type RefreshBody = Static<typeof RefreshBody>

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Text({ minLength: 1, maxLength: 128, title: '当前密码' }),
    newPassword: Line({ minLength: 1, maxLength: 128, title: '新密码' })
  },
  { additionalProperties: false }
)
export type ChangePasswordBody = Static<typeof ChangePasswordBody>

/** A new one-time password an admin hands to the user (shown once). */
export const ResetPasswordView = Type.Object({ username: Type.String(), password: Type.String() })
export type ResetPasswordView = Static<typeof ResetPasswordView>

export const RevokedSessions = Type.Object({ revoked: Type.Integer({ description: 'How many sign-ins were ended' }) })
export type RevokedSessions = Static<typeof RevokedSessions>

export const WechatLoginBody = Type.Object(
  { code: Line({ minLength: 1, maxLength: 128, title: '登录凭证 code' }) },
  { additionalProperties: false }
)
export type WechatLoginBody = Static<typeof WechatLoginBody>

export const PasswordLoginBody = Type.Object(
  {
    username: Line({ minLength: 1, maxLength: LIMITS.username, title: '用户名' }),
    password: Text({ minLength: 1, maxLength: LIMITS.password, title: '密码' })
  },
  { additionalProperties: false }
)
export type PasswordLoginBody = Static<typeof PasswordLoginBody>

export const DevLoginBody = Type.Object(
  {
    role: RoleSchema,
    name: Line({ minLength: 1, maxLength: LIMITS.personName, title: '姓名' })
  },
  { additionalProperties: false }
)
export type DevLoginBody = Static<typeof DevLoginBody>

export const CreateInvitationBody = Type.Object(
  {
    role: literalUnion(INVITABLE_ROLES, { title: '角色' }),
    departmentId: Type.Optional(Id),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30, title: '有效天数' }))
  },
  { additionalProperties: false }
)
export type CreateInvitationBody = Static<typeof CreateInvitationBody>

export const InvitationView = Type.Object({
  code: Type.String(),
  /** The code as a QR code (SVG, drawn by the server), for the invitee to scan instead of typing. */
  qrSvg: Type.String(),
  role: RoleSchema,
  departmentId: Type.Union([Id, Type.Null()]),
  expiresAt: DateTime()
})
export type InvitationView = Static<typeof InvitationView>

export const RedeemInvitationBody = Type.Object(
  { code: Line({ minLength: 6, maxLength: 32, title: '邀请码' }) },
  { additionalProperties: false }
)
export type RedeemInvitationBody = Static<typeof RedeemInvitationBody>

/** The user with the role the code granted; the current sign-in carries on. */
export const RedeemedInvitation = Type.Object({ user: UserView })
export type RedeemedInvitation = Static<typeof RedeemedInvitation>
