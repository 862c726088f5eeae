import { Type, type Static } from 'typebox'
import { CursorSchema, DateTime, Line, Uuid } from './formats'
import { MESSAGE_STATUSES } from '../message/state-machine'
import { CASE_STATUSES } from '../case/state-machine'
import { BUILTIN_VIEW_KEYS, INBOX_SORTS, STATUS_BUCKETS } from '../inbox-views'
import { LIMITS } from '../limits'
import { Id, literalUnion } from './common'
import { ItemKind, ItemStatusSchema, MessageCategorySchema } from './item'
import { DueView } from './due'

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'
export const INBOX_QUERY_MAX = 50
export const SAVED_VIEW_LABEL_MAX = LIMITS.savedViewLabel
export const SAVED_VIEWS_MAX = 30

/** The filter and sort fields: shared by GET /api/inbox and the views staff save. */
const filterFields = {
  kind: Type.Optional(ItemKind),
  bucket: Type.Optional(literalUnion(STATUS_BUCKETS, { title: '状态分组' })),
  /** A status of either kind: messages and cases share the inbox. */
  status: Type.Optional(literalUnion([...new Set([...MESSAGE_STATUSES, ...CASE_STATUSES])], { title: '状态' })),
  category: Type.Optional(MessageCategorySchema),
  topic: Type.Optional(Line({ minLength: 1, maxLength: 20, title: '重点专题' })),
  department: Type.Optional(Uuid({ title: '部门' })),
  assignee: Type.Optional(Type.String({ pattern: `^(me|unassigned|${UUID})$`, title: '负责人（me、unassigned 或人员编号）' })),
  overdue: Type.Optional(Type.Boolean({ title: '已超期' })),
  dueSoon: Type.Optional(Type.Boolean({ title: '即将超期（今天或下一个工作日到期）' })),
  priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 2, title: '优先级' })),
  hasPhotos: Type.Optional(Type.Boolean({ title: '有照片' })),
  /** Words separated by spaces; every word must occur (in title, body, replies, notes or 留言码). */
  q: Type.Optional(Line({ minLength: 1, maxLength: INBOX_QUERY_MAX, title: '搜索内容' })),
  sort: Type.Optional(literalUnion(INBOX_SORTS, { title: '排序' }))
}

export const InboxViewQuery = Type.Object(filterFields, { additionalProperties: false, title: '视图条件' })
export type InboxViewQuery = Static<typeof InboxViewQuery>

export const InboxQuery = Type.Object(
  {
    ...filterFields,
    /** A built-in view key or a saved view's id; explicit parameters override the view's. */
    view: Type.Optional(Type.String({ pattern: `^(${BUILTIN_VIEW_KEYS.join('|')}|${UUID})$`, title: '视图' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, title: '每页条数' })),
    cursor: Type.Optional(CursorSchema)
  },
  { additionalProperties: false }
)
export type InboxQuery = Static<typeof InboxQuery>

/** Where the search matched: a stretch of the item's text, with the matches marked. */
export const SearchMatch = Type.Object({
  snippet: Type.String(),
  /** [start, end) offsets in UTF-16 code units (JavaScript string indices) into `snippet`. */
  ranges: Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]))
})
export type SearchMatch = Static<typeof SearchMatch>

export const InboxItem = Type.Object({
  id: Id,
  kind: ItemKind,
  status: ItemStatusSchema,
  bucket: literalUnion(STATUS_BUCKETS),
  category: Type.Union([MessageCategorySchema, Type.Null()]),
  /** Cases have a title; messages do not. */
  title: Type.Union([Type.String(), Type.Null()]),
  excerpt: Type.String(),
  authorName: Type.Union([Type.String(), Type.Null()]),
  departmentId: Type.Union([Id, Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  assigneeId: Type.Union([Id, Type.Null()]),
  assigneeName: Type.Union([Type.String(), Type.Null()]),
  priority: Type.Integer(),
  /** Send back with an action: a stale one is refused with 409 and what changed. */
  version: Type.Integer(),
  topics: Type.Array(Type.String()),
  dueAt: Type.Union([DateTime(), Type.Null()]),
  /** The deadline in working days (剩 2 个工作日 / 今日到期 / 已超期 1 个工作日). */
  due: Type.Optional(Type.Union([DueView, Type.Null()])),
  /** Signed thumbnail URLs of the first photos (at most 3). */
  thumbUrls: Type.Array(Type.String()),
  photoCount: Type.Integer(),
  createdAt: DateTime(),
  lastActivityAt: DateTime(),
  /** Only when the request had `q`. */
  match: Type.Union([SearchMatch, Type.Null()])
})
export type InboxItem = Static<typeof InboxItem>

export const InboxPage = Type.Object({
  items: Type.Array(InboxItem),
  /** Opaque; pass back as `cursor` (with the same sort) for the next page. Null on the last page. */
  nextCursor: Type.Union([Type.String(), Type.Null()])
})
export type InboxPage = Static<typeof InboxPage>

export const InboxViewCount = Type.Object({
  id: Type.String({ description: 'A built-in view key or a saved view id' }),
  label: Type.String(),
  builtin: Type.Boolean(),
  count: Type.Integer()
})
export const InboxCounts = Type.Object({ views: Type.Array(InboxViewCount) })
export type InboxCounts = Static<typeof InboxCounts>

export const SavedViewBody = Type.Object(
  {
    label: Line({ minLength: 1, maxLength: SAVED_VIEW_LABEL_MAX, title: '视图名称' }),
    query: InboxViewQuery
  },
  { additionalProperties: false }
)
export type SavedViewBody = Static<typeof SavedViewBody>

export const SavedViewView = Type.Object({
  id: Id,
  label: Type.String(),
  query: InboxViewQuery,
  createdAt: DateTime(),
  updatedAt: DateTime()
})
export type SavedViewView = Static<typeof SavedViewView>
export const SavedViewList = Type.Object({ views: Type.Array(SavedViewView) })
export type SavedViewList = Static<typeof SavedViewList>
