import { Type, type Static } from 'typebox'
import { CursorSchema, DateTime, Line, Text } from './formats'
import { Id, literalUnion } from './common'
import { RoleSchema } from './auth'
import { INVITABLE_ROLES } from '../roles'
import { LIMITS, REPLY_BODY_MAX } from '../limits'
import { CANNED_REPLY_ACTIONS } from '../canned-replies'
import { NO_DEPARTMENT } from '../people-filter'
import type { MessageAction } from '../message/state-machine'

/** Years a bureau keeps focus topics for (the topic table's CHECK says the same). */
export const TOPIC_YEAR_MIN = 2000
export const TOPIC_YEAR_MAX = 2100
export const TopicYear = Type.Integer({ minimum: TOPIC_YEAR_MIN, maximum: TOPIC_YEAR_MAX, title: '年度' })

// ---- departments
export const DepartmentView = Type.Object({ id: Id, name: Type.String() })
export type DepartmentView = Static<typeof DepartmentView>
export const DepartmentList = Type.Object({ departments: Type.Array(DepartmentView) })
export type DepartmentList = Static<typeof DepartmentList>
export const DepartmentBody = Type.Object({ name: Line({ minLength: 1, maxLength: LIMITS.departmentName, title: '部门名称' }) }, { additionalProperties: false })
export type DepartmentBody = Static<typeof DepartmentBody>

// ---- people
export const PersonView = Type.Object({
  id: Id,
  name: Type.String(),
  roles: Type.Array(RoleSchema),
  department: Type.Union([DepartmentView, Type.Null()]),
  disabled: Type.Boolean()
})
export type PersonView = Static<typeof PersonView>
export const PeopleList = Type.Object({ people: Type.Array(PersonView) })
export type PeopleList = Static<typeof PeopleList>

export const PeopleQuery = Type.Object(
  {
    departmentId: Type.Optional(Id),
    role: Type.Optional(RoleSchema),
    /** Admins only: also list disabled colleagues. */
    includeDisabled: Type.Optional(Type.Boolean({ title: '包括已停用' }))
  },
  { additionalProperties: false }
)
export type PeopleQuery = Static<typeof PeopleQuery>

/** What the admin's list adds: the desk login name and when the account was made. */
export const AdminPersonView = Type.Object({ ...PersonView.properties, username: Type.Union([Type.String(), Type.Null()]), createdAt: DateTime() })
export type AdminPersonView = Static<typeof AdminPersonView>

/**
 * The admin's people list, a page at a time in name order (then id). A cursor belongs to the
 * filter it was made under: with another q, role or department it is refused (400), as the app
 * starts again from the first page whenever the filter changes.
 */
export const AdminPeopleQuery = Type.Object(
  {
    /** A fragment of the name or the desk login, any case. */
    q: Type.Optional(Line({ minLength: 1, maxLength: LIMITS.adminPeopleQuery, title: '搜索姓名或登录名' })),
    role: Type.Optional(literalUnion(INVITABLE_ROLES, { title: '角色' })),
    departmentId: Type.Optional(Type.Union([Id, Type.Literal(NO_DEPARTMENT)], { title: '部门（none：未分部门）' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSize, default: LIMITS.adminPeoplePage, title: '每页条数' })),
    cursor: Type.Optional(CursorSchema)
  },
  { additionalProperties: false }
)
export type AdminPeopleQuery = Static<typeof AdminPeopleQuery>
export const AdminPeopleList = Type.Object({
  people: Type.Array(AdminPersonView),
  /** Opaque; pass back as `cursor` with the same q, role and departmentId for the next page. Null on the last page. */
  nextCursor: Type.Union([Type.String(), Type.Null()])
})
export type AdminPeopleList = Static<typeof AdminPeopleList>

export const UpdatePersonBody = Type.Object(
  {
    /** The roles beyond citizen (every WeChat user is one); replaces them. */
    roles: Type.Optional(Type.Array(literalUnion(INVITABLE_ROLES), { minItems: 1, maxItems: INVITABLE_ROLES.length, uniqueItems: true, title: '角色' })),
    departmentId: Type.Optional(Type.Union([Id, Type.Null()], { title: '部门' })),
    disabled: Type.Optional(Type.Boolean({ title: '停用' }))
  },
  { additionalProperties: false }
)
export type UpdatePersonBody = Static<typeof UpdatePersonBody>

// ---- topics
export const TopicView = Type.Object({ id: Id, name: Type.String(), year: Type.Integer(), active: Type.Boolean() })
export type TopicView = Static<typeof TopicView>
export const TopicList = Type.Object({ topics: Type.Array(TopicView) })
export type TopicList = Static<typeof TopicList>
export const TopicsQuery = Type.Object({ year: Type.Optional(TopicYear) }, { additionalProperties: false })
export type TopicsQuery = Static<typeof TopicsQuery>
const TopicName = Line({ minLength: 1, maxLength: LIMITS.topic, title: '主题名称' })
export const CreateTopicBody = Type.Object({ name: TopicName, year: TopicYear, active: Type.Optional(Type.Boolean({ title: '启用' })) }, { additionalProperties: false })
export type CreateTopicBody = Static<typeof CreateTopicBody>
export const UpdateTopicBody = Type.Object({ name: Type.Optional(TopicName), active: Type.Optional(Type.Boolean({ title: '启用' })) }, { additionalProperties: false })
export type UpdateTopicBody = Static<typeof UpdateTopicBody>

// ---- canned replies
export const CannedReplyActionSchema = Type.Union([literalUnion([...CANNED_REPLY_ACTIONS] as MessageAction[]), Type.Null()], { title: '选用后执行的操作' })
export const CannedReplyView = Type.Object({ id: Id, title: Type.String(), body: Type.String(), action: CannedReplyActionSchema })
export type CannedReplyView = Static<typeof CannedReplyView>
export const CannedReplyList = Type.Object({ cannedReplies: Type.Array(CannedReplyView) })
export type CannedReplyList = Static<typeof CannedReplyList>
const cannedFields = {
  title: Line({ minLength: 1, maxLength: LIMITS.cannedTitle, title: '模板名称' }),
  body: Text({ minLength: 1, maxLength: REPLY_BODY_MAX, title: '模板内容' }),
  action: CannedReplyActionSchema
}
export const CreateCannedReplyBody = Type.Object(
  { title: cannedFields.title, body: cannedFields.body, action: Type.Optional(cannedFields.action) },
  { additionalProperties: false }
)
export type CreateCannedReplyBody = Static<typeof CreateCannedReplyBody>
export const UpdateCannedReplyBody = Type.Object(
  { title: Type.Optional(cannedFields.title), body: Type.Optional(cannedFields.body), action: Type.Optional(cannedFields.action) },
  { additionalProperties: false }
)
export type UpdateCannedReplyBody = Static<typeof UpdateCannedReplyBody>
