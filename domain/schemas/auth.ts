import { Type, type Static } from 'typebox'
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

export const SessionView = Type.Object({ token: Type.String(), user: UserView })
export type SessionView = Static<typeof SessionView>

export const WechatLoginBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128, title: '登录凭证 code' }) },
  { additionalProperties: false }
)
export type WechatLoginBody = Static<typeof WechatLoginBody>

export const PasswordLoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: LIMITS.username, title: '用户名' }),
    password: Type.String({ minLength: 1, maxLength: LIMITS.password, title: '密码' })
  },
  { additionalProperties: false }
)
export type PasswordLoginBody = Static<typeof PasswordLoginBody>

export const DevLoginBody = Type.Object(
  {
    role: RoleSchema,
    name: Type.String({ minLength: 1, maxLength: LIMITS.personName, title: '姓名' })
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
  role: RoleSchema,
  departmentId: Type.Union([Id, Type.Null()]),
  expiresAt: Type.String({ format: 'date-time' })
})
export type InvitationView = Static<typeof InvitationView>

export const RedeemInvitationBody = Type.Object(
  { code: Type.String({ minLength: 6, maxLength: 32, title: '邀请码' }) },
  { additionalProperties: false }
)
export type RedeemInvitationBody = Static<typeof RedeemInvitationBody>
