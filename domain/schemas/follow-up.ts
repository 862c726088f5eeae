import { Type, type Static } from 'typebox'
import { DateTime, Line, Text } from './formats'
import { ACTION_NOTE_MAX } from '../limits'
import { MessageCategorySchema, MessageStatusSchema, MergedIntoView, RatingSchema, TimelineEvent, Version } from './item'
import { Id } from './common'

/** 留言码 as typed by a person: the readable alphabet, any case; the server upper-cases it. */
export const TRACKING_CODE_PATTERN = '^[0-9A-Za-z]{6,12}$'
export const TrackParams = Type.Object(
  { code: Type.String({ pattern: TRACKING_CODE_PATTERN, title: '留言码（6–12 位字母或数字）' }) },
  { additionalProperties: false }
)
export type TrackParams = Static<typeof TrackParams>

/**
 * What anyone holding the 留言码 may see without signing in: where the message stands and the
 * bureau's public steps. No text of the citizen, no phone, no names of citizens.
 */
export const TrackView = Type.Object({
  trackingCode: Type.String(),
  category: MessageCategorySchema,
  status: MessageStatusSchema,
  createdAt: DateTime(),
  acceptedAt: Type.Union([DateTime(), Type.Null()]),
  firstReplyAt: Type.Union([DateTime(), Type.Null()]),
  closedAt: Type.Union([DateTime(), Type.Null()]),
  timeline: Type.Array(TimelineEvent),
  /** A merged message: the message it went into (its 留言码, status and public steps). */
  mergedInto: Type.Optional(Type.Union([MergedIntoView, Type.Null()]))
})
export type TrackView = Static<typeof TrackView>

export const RatingBody = Type.Object(
  {
    rating: RatingSchema,
    /** Why (not) satisfied: with 不满意 it tells the bureau what is still wrong. */
    comment: Type.Optional(Text({ minLength: 1, maxLength: ACTION_NOTE_MAX, title: '评价意见' })),
    version: Type.Optional(Version)
  },
  { additionalProperties: false }
)
export type RatingBody = Static<typeof RatingBody>

/** Template ids the citizen accepted in requestSubscribeMessage (WeChat answers `accept` per id). */
export const SubscriptionsBody = Type.Object(
  { templateIds: Type.Array(Line({ minLength: 1, maxLength: 128, title: '订阅消息模板编号' }), { minItems: 1, maxItems: 3, uniqueItems: true, title: '订阅消息模板编号' }) },
  { additionalProperties: false }
)
export type SubscriptionsBody = Static<typeof SubscriptionsBody>

export const SubscriptionsView = Type.Object({
  /** Grants recorded now (templates the server does not send are left out). */
  recorded: Type.Integer(),
  /** Unused grants for this message per template id. */
  unused: Type.Record(Type.String(), Type.Integer())
})
export type SubscriptionsView = Static<typeof SubscriptionsView>

/** Which templates the app asks for at submit, and what each reports. */
export const SubscribeTemplatesView = Type.Object({
  templates: Type.Array(Type.Object({ id: Type.String(), label: Type.String() }))
})
export type SubscribeTemplatesView = Static<typeof SubscribeTemplatesView>

export const SatisfactionQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, title: '年份' })) },
  { additionalProperties: false }
)
export type SatisfactionQuery = Static<typeof SatisfactionQuery>

const SatisfactionCounts = Type.Object({
  satisfied: Type.Integer(),
  basicallySatisfied: Type.Integer(),
  dissatisfied: Type.Integer(),
  /** Closed by the job without a rating. */
  unrated: Type.Integer(),
  /** (满意 + 基本满意) / rated, in percent with one decimal; null when nobody rated. */
  satisfactionRate: Type.Union([Type.Number(), Type.Null()])
})
export const SatisfactionReport = Type.Object({
  year: Type.Integer(),
  total: SatisfactionCounts,
  rows: Type.Array(
    Type.Intersect([
      Type.Object({
        /** YYYY-MM, Beijing time. */
        month: Type.String(),
        departmentId: Type.Union([Id, Type.Null()]),
        departmentName: Type.String()
      }),
      SatisfactionCounts
    ])
  )
})
export type SatisfactionReport = Static<typeof SatisfactionReport>

export const ProgressQuery = Type.Object(
  { since: DateTime({ title: '上次查看时间' }) },
  { additionalProperties: false }
)
export type ProgressQuery = Static<typeof ProgressQuery>
/** How many of my messages have a public step after `since` (the home page's 新进展). */
export const ProgressView = Type.Object({ changed: Type.Integer() })
export type ProgressView = Static<typeof ProgressView>
