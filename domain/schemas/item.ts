import { Type, type Static } from 'typebox'
import { DateTime, Line, Text, Uuid } from './formats'
import { MESSAGE_CATEGORIES } from '../message/categories'
import { MESSAGE_BODY_MAX, REPLY_BODY_MAX, ACTION_NOTE_MAX, INTERNAL_NOTE_MAX, PHONE_PATTERN, LIMITS } from '../limits'
import { MERGED_IN_EVENT, MESSAGE_STATUSES, RATINGS, REJECT_REASONS } from '../message/state-machine'
import { CONTACT_REVEAL_EVENT } from '../message/contact'
import { CREDIT_CODE_PATTERN } from '../message/credit-code'
import { ITEM_KINDS, ALL_ACTIONS, ALL_STATUSES } from '../item-kinds'
import { CONTACT_ERASED_EVENT } from '../message/retention'
import { CREATE_EVENT, DESK_OPERATIONS, PRIORITIES } from '../desk-operations'
import { CaseStatusSchema } from './case'
import { EvidenceMediaView, Place } from './case'
import { Id, literalUnion } from './common'
import { DueView } from './due'
import { ITEM_MODERATIONS } from '../moderation/item'

export const ItemKind = literalUnion(ITEM_KINDS, { title: '类型' })
export const MessageCategorySchema = literalUnion(MESSAGE_CATEGORIES, { title: '留言类别' })
export const MessageStatusSchema = literalUnion(MESSAGE_STATUSES, { title: '状态' })
export const RatingSchema = literalUnion(RATINGS, { title: '评价（满意 / 基本满意 / 不满意）' })
/** A status of either kind; which one applies is the item's `kind`. */
export const ItemStatusSchema = Type.Union([MessageStatusSchema, CaseStatusSchema], { title: '状态' })
export const ItemActionSchema = literalUnion(ALL_ACTIONS, { title: '操作' })
/** What a timeline event records: the creation, a transition of either kind, or desk work. */
export const EventActionSchema = literalUnion([CREATE_EVENT, ...ALL_ACTIONS, ...Object.keys(DESK_OPERATIONS), MERGED_IN_EVENT, CONTACT_REVEAL_EVENT, CONTACT_ERASED_EVENT], { title: '事件' })
/** Present on every change: the version the client last saw; an older one is refused (409). */
export const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647, title: '版本号（version）' })

export const BusinessInput = Type.Object(
  {
    name: Line({ minLength: 1, maxLength: LIMITS.businessName, title: '商家名称' }),
    /** 18 characters; the check character (GB 32100-2015) is verified by the rules. */
    creditCode: Type.Optional(Type.String({ pattern: CREDIT_CODE_PATTERN, title: '统一社会信用代码（18 位）' }))
  },
  { additionalProperties: false, title: '涉及商家' }
)
export const BusinessView = Type.Object({ name: Type.String(), creditCode: Type.Union([Type.String(), Type.Null()]) })

export const CreateMessageBody = Type.Object(
  {
    category: MessageCategorySchema,
    body: Text({ minLength: 1, maxLength: MESSAGE_BODY_MAX, title: '留言内容' }),
    contactPhone: Type.Optional(
      Type.String({ pattern: PHONE_PATTERN, title: '联系电话（11 位手机号）' })
    ),
    /** The author agrees that the message and its reply may be shown, masked, on the public board (选登). */
    publicConsent: Type.Optional(Type.Boolean({ title: '同意选登公开' })),
    /** Tip-offs only (domain/message/rules.ts): staff see no identity; followed by its 留言码. */
    anonymous: Type.Optional(Type.Boolean({ title: '匿名举报' })),
    /** The business concerned; required for a complaint. */
    business: Type.Optional(BusinessInput),
    /** A praise names who is praised: a person or a unit. */
    praised: Type.Optional(Line({ minLength: 1, maxLength: LIMITS.praised, title: '表扬对象' })),
    /** Where it happened: an address, optionally a map point. */
    place: Type.Optional(Place),
    /** Photos the author uploaded (POST /api/media) beforehand, in order. */
    mediaIds: Type.Optional(Type.Array(Id, { maxItems: LIMITS.photosPerMessage, uniqueItems: true, title: '照片' })),
    /** Client-generated id: a retried submission returns the first message instead of a copy. */
    clientId: Type.Optional(Line({ minLength: 8, maxLength: 64, title: '提交编号' }))
  },
  { additionalProperties: false }
)
export type CreateMessageBody = Static<typeof CreateMessageBody>

export const CreatedMessage = Type.Object({
  id: Id,
  trackingCode: Type.String(),
  status: MessageStatusSchema,
  /** Present when the content check held the message for staff review (审核中). */
  moderation: Type.Optional(literalUnion(ITEM_MODERATIONS, { title: '内容审核状态' }))
})
export type CreatedMessage = Static<typeof CreatedMessage>

export const TimelineEvent = Type.Object({
  id: Id,
  /** `create`, or the state-machine action that produced the change. */
  action: EventActionSchema,
  fromStatus: Type.Union([ItemStatusSchema, Type.Null()]),
  toStatus: Type.Union([ItemStatusSchema, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  body: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  /** Where a message out of jurisdiction was passed on to. */
  transferredTo: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** The citizen's rating given with this event (close or reopen). */
  rating: Type.Optional(RatingSchema),
  /** False for internal events (notes, assignment) that the item's author never sees. */
  isPublic: Type.Optional(Type.Boolean()),
  at: DateTime()
})
export type TimelineEvent = Static<typeof TimelineEvent>

export const ReplyView = Type.Object({
  body: Type.String(),
  at: DateTime(),
  byName: Type.Union([Type.String(), Type.Null()])
})

/**
 * Where a merged message went, as its author sees it: the survivor's 留言码, where it stands, its
 * reply and its public timeline (other citizens' names and notes left out).
 */
export const MergedIntoView = Type.Object({
  id: Id,
  trackingCode: Type.String(),
  status: MessageStatusSchema,
  reply: Type.Union([ReplyView, Type.Null()]),
  timeline: Type.Array(TimelineEvent)
})
export type MergedIntoView = Static<typeof MergedIntoView>

/** A message merged into this one (desk only): staff open it for its photos and text. */
export const MergedFromView = Type.Object({
  id: Id,
  trackingCode: Type.Union([Type.String(), Type.Null()]),
  excerpt: Type.String(),
  authorName: Type.Union([Type.String(), Type.Null()]),
  photoCount: Type.Integer(),
  createdAt: DateTime()
})
export type MergedFromView = Static<typeof MergedFromView>

export const MyMessageView = Type.Object({
  id: Id,
  trackingCode: Type.String(),
  category: MessageCategorySchema,
  body: Type.String(),
  status: MessageStatusSchema,
  createdAt: DateTime(),
  reply: Type.Union([ReplyView, Type.Null()]),
  timeline: Type.Array(TimelineEvent),
  /** Set when the message was merged into another (status merged). */
  mergedInto: Type.Optional(Type.Union([MergedIntoView, Type.Null()])),
  /** Present unless clear: held (审核中, only its author sees it) or rejected (未通过审核). */
  moderation: Type.Optional(literalUnion(ITEM_MODERATIONS, { title: '内容审核状态' }))
})
export type MyMessageView = Static<typeof MyMessageView>

export const MyMessagesPage = Type.Object({ items: Type.Array(MyMessageView) })
export type MyMessagesPage = Static<typeof MyMessagesPage>

export const ItemDetail = Type.Object({
  id: Id,
  kind: ItemKind,
  status: ItemStatusSchema,
  /** Pass back with the next change: a change made meanwhile by someone else is then a 409. */
  version: Type.Optional(Version),
  priority: Type.Optional(Type.Integer({ minimum: PRIORITIES[0], maximum: PRIORITIES[PRIORITIES.length - 1], title: '优先级' })),
  topics: Type.Optional(Type.Array(Type.String())),
  assignee: Type.Optional(Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()])),
  departmentId: Type.Optional(Type.Union([Id, Type.Null()])),
  category: Type.Union([MessageCategorySchema, Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  occurredAt: Type.Union([DateTime(), Type.Null()]),
  place: Type.Union([Place, Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  photos: Type.Array(EvidenceMediaView),
  trackingCode: Type.Union([Type.String(), Type.Null()]),
  /** Masked (138****5678) for staff; the full number is not needed to triage. */
  contactPhone: Type.Union([Type.String(), Type.Null()]),
  /** Desk only: whether this viewer may ask for the full number (POST /items/:id/reveal-contact). */
  contactRevealable: Type.Optional(Type.Boolean()),
  /** A message sent anonymously (tip-offs): no name, phone or account data is shown. */
  anonymous: Type.Optional(Type.Boolean()),
  business: Type.Optional(Type.Union([BusinessView, Type.Null()])),
  praised: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  authorName: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime(),
  acceptedAt: Type.Union([DateTime(), Type.Null()]),
  firstReplyAt: Type.Union([DateTime(), Type.Null()]),
  closedAt: Type.Union([DateTime(), Type.Null()]),
  lastActivityAt: DateTime(),
  /** The deadline in working days; desk only (absent or null for authors and items without one). */
  due: Type.Optional(Type.Union([DueView, Type.Null()])),
  /** Actions the current user may take now, from the transition table. */
  allowedActions: Type.Array(ItemActionSchema),
  timeline: Type.Array(TimelineEvent),
  /** A merged message: where it went (for its author, with the survivor's reply and timeline). */
  mergedInto: Type.Optional(Type.Union([MergedIntoView, Type.Null()])),
  /** Desk only: the messages merged into this one, oldest first. */
  mergedFrom: Type.Optional(Type.Array(MergedFromView))
})
export type ItemDetail = Static<typeof ItemDetail>

export const ActionBody = Type.Object(
  {
    /** Which actions apply depends on the item's kind; the transition table decides. */
    action: ItemActionSchema,
    reason: Type.Optional(literalUnion(REJECT_REASONS, { title: '不予受理原因' })),
    note: Type.Optional(Text({ minLength: 1, maxLength: ACTION_NOTE_MAX, title: '说明' })),
    /** The reply text, for `reply`. */
    body: Type.Optional(Text({ minLength: 1, maxLength: REPLY_BODY_MAX, title: '答复内容' })),
    /** For a rejection as out of jurisdiction: the body the message was passed on to. */
    transferredTo: Type.Optional(Line({ minLength: 1, maxLength: LIMITS.transferredTo, title: '转办单位' })),
    /** For `merge`: the message this one is merged into. */
    into: Type.Optional(Uuid({ title: '合并到的留言' })),
    version: Type.Optional(Version)
  },
  { additionalProperties: false }
)
export type ActionBody = Static<typeof ActionBody>

export const ReplyBody = Type.Object(
  { body: Text({ minLength: 1, maxLength: REPLY_BODY_MAX, title: '答复内容' }) },
  { additionalProperties: false }
)
export type ReplyBody = Static<typeof ReplyBody>

export const AssignBody = Type.Object(
  {
    /** A colleague of the same bureau; null takes the item off whoever had it. */
    assigneeId: Type.Optional(Type.Union([Id, Type.Null()], { title: '处理人' })),
    departmentId: Type.Optional(Type.Union([Id, Type.Null()], { title: '部门' })),
    version: Version
  },
  { additionalProperties: false }
)
export type AssignBody = Static<typeof AssignBody>

export const PriorityBody = Type.Object(
  { priority: Type.Integer({ minimum: PRIORITIES[0], maximum: PRIORITIES[PRIORITIES.length - 1], title: '优先级' }), version: Version },
  { additionalProperties: false }
)
export type PriorityBody = Static<typeof PriorityBody>

export const TopicsBody = Type.Object(
  {
    topics: Type.Array(Line({ minLength: 1, maxLength: LIMITS.topic, title: '重点主题' }), { maxItems: LIMITS.topicsPerItem, uniqueItems: true, title: '重点主题' }),
    version: Version
  },
  { additionalProperties: false }
)
export type TopicsBody = Static<typeof TopicsBody>

export const NoteBody = Type.Object(
  { body: Text({ minLength: 1, maxLength: INTERNAL_NOTE_MAX, title: '备注内容' }), version: Version },
  { additionalProperties: false }
)
export type NoteBody = Static<typeof NoteBody>

export const MentionView = Type.Object({
  itemId: Id,
  kind: ItemKind,
  /** The note that named me. */
  eventId: Id,
  body: Type.String(),
  byName: Type.Union([Type.String(), Type.Null()]),
  at: DateTime()
})
export type MentionView = Static<typeof MentionView>
export const MentionsPage = Type.Object({ items: Type.Array(MentionView) })
export type MentionsPage = Static<typeof MentionsPage>
