import { Type, type Static } from 'typebox'
import { DateTime, Line, Text } from './formats'
import { MESSAGE_CATEGORIES, MESSAGE_BODY_MAX, REPLY_BODY_MAX } from '../message/categories'
import { MESSAGE_STATUSES, MESSAGE_ACTIONS, REJECT_REASONS } from '../message/state-machine'
import { CASE_ACTIONS, CASE_STATUSES } from '../case/state-machine'
import { EvidenceMediaView, Place } from './case'
import { Id, literalUnion } from './common'
import { DueView } from './due'

export const ItemKind = literalUnion(['message', 'case'] as const, { title: '类型' })
export const MessageCategorySchema = literalUnion(MESSAGE_CATEGORIES, { title: '留言类别' })
export const MessageStatusSchema = literalUnion(MESSAGE_STATUSES, { title: '状态' })

export const CreateMessageBody = Type.Object(
  {
    category: MessageCategorySchema,
    body: Text({ minLength: 1, maxLength: MESSAGE_BODY_MAX, title: '留言内容' }),
    contactPhone: Type.Optional(
      Type.String({ pattern: '^1[3-9][0-9]{9}$', title: '联系电话（11 位手机号）' })
    ),
    /** Client-generated id: a retried submission returns the first message instead of a copy. */
    clientId: Type.Optional(Line({ minLength: 8, maxLength: 64, title: '提交编号' }))
  },
  { additionalProperties: false }
)
export type CreateMessageBody = Static<typeof CreateMessageBody>

export const CreatedMessage = Type.Object({
  id: Id,
  trackingCode: Type.String(),
  status: MessageStatusSchema
})
export type CreatedMessage = Static<typeof CreatedMessage>

export const TimelineEvent = Type.Object({
  id: Id,
  /** `create`, or the state-machine action that produced the change. */
  action: Type.String(),
  fromStatus: Type.Union([Type.String(), Type.Null()]),
  toStatus: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  body: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  at: DateTime()
})
export type TimelineEvent = Static<typeof TimelineEvent>

export const ReplyView = Type.Object({
  body: Type.String(),
  at: DateTime(),
  byName: Type.Union([Type.String(), Type.Null()])
})

export const MyMessageView = Type.Object({
  id: Id,
  trackingCode: Type.String(),
  category: MessageCategorySchema,
  body: Type.String(),
  status: MessageStatusSchema,
  createdAt: DateTime(),
  reply: Type.Union([ReplyView, Type.Null()]),
  timeline: Type.Array(TimelineEvent)
})
export type MyMessageView = Static<typeof MyMessageView>

export const MyMessagesPage = Type.Object({ items: Type.Array(MyMessageView) })
export type MyMessagesPage = Static<typeof MyMessagesPage>

export const ItemDetail = Type.Object({
  id: Id,
  kind: ItemKind,
  status: Type.String(),
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
  authorName: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime(),
  acceptedAt: Type.Union([DateTime(), Type.Null()]),
  firstReplyAt: Type.Union([DateTime(), Type.Null()]),
  closedAt: Type.Union([DateTime(), Type.Null()]),
  lastActivityAt: DateTime(),
  /** The deadline in working days; desk only (absent or null for authors and items without one). */
  due: Type.Optional(Type.Union([DueView, Type.Null()])),
  /** Actions the current user may take now, from the transition table. */
  allowedActions: Type.Array(Type.String()),
  timeline: Type.Array(TimelineEvent)
})
export type ItemDetail = Static<typeof ItemDetail>

export const ActionBody = Type.Object(
  {
    /** Which actions apply depends on the item's kind; the transition table decides. */
    action: literalUnion([...new Set([...MESSAGE_ACTIONS, ...CASE_ACTIONS])], { title: '操作' }),
    reason: Type.Optional(literalUnion(REJECT_REASONS, { title: '不予受理原因' })),
    note: Type.Optional(Text({ minLength: 1, maxLength: 500, title: '说明' }))
  },
  { additionalProperties: false }
)
export type ActionBody = Static<typeof ActionBody>

export const ReplyBody = Type.Object(
  { body: Text({ minLength: 1, maxLength: REPLY_BODY_MAX, title: '答复内容' }) },
  { additionalProperties: false }
)
export type ReplyBody = Static<typeof ReplyBody>
