import { Type, type Static } from 'typebox'
import { DateTime, Line, Text } from './formats'
import { CASE_STATUSES } from '../case/state-machine'
import { CASE_BODY_MAX, CASE_PHOTOS_MAX, CASE_TITLE_MAX, LIMITS } from '../limits'
import { Id, literalUnion } from './common'
import { ITEM_MODERATIONS } from '../moderation/item'

export const MediaView = Type.Object({
  id: Id,
  /** Signed and expiring: usable in an <image> tag without a token. */
  url: Type.String(),
  thumbUrl: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  bytes: Type.Integer(),
  /** Read by the server from the uploaded file's EXIF. */
  takenAt: Type.Optional(DateTime()),
  /** Reported by the phone from the original photo before compression (设备记录); not verified. */
  deviceTakenAt: Type.Optional(DateTime())
})
export type MediaView = Static<typeof MediaView>

/** Staff see the evidence: where and when the photo was taken. */
export const EvidenceMediaView = Type.Intersect([
  MediaView,
  Type.Object({
    gps: Type.Union([Type.Object({ lat: Type.Number(), lng: Type.Number() }), Type.Null()]),
    /** Where the phone says the original was taken (设备记录); absent when it did not say. */
    deviceGps: Type.Optional(Type.Object({ lat: Type.Number(), lng: Type.Number() }))
  })
])
export type EvidenceMediaView = Static<typeof EvidenceMediaView>

export const Place = Type.Object(
  {
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, title: '纬度' })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180, title: '经度' })),
    address: Line({ minLength: 1, maxLength: LIMITS.placeAddress, title: '地点' })
  },
  { additionalProperties: false, title: '地点' }
)
export type Place = Static<typeof Place>

const caseFields = {
  title: Line({ minLength: 1, maxLength: CASE_TITLE_MAX, title: '标题' }),
  body: Text({ minLength: 1, maxLength: CASE_BODY_MAX, title: '事例内容' }),
  occurredAt: DateTime({ title: '发生时间' }),
  place: Type.Optional(Place),
  topics: Type.Optional(Type.Array(Line({ minLength: 1, maxLength: LIMITS.topic, title: '重点主题' }), { maxItems: LIMITS.topicsPerItem, title: '重点主题' })),
  mediaIds: Type.Array(Id, { maxItems: CASE_PHOTOS_MAX, title: '照片' })
}

export const CreateCaseBody = Type.Object(
  { clientId: Line({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', title: '提交编号（clientId）' }), ...caseFields },
  { additionalProperties: false }
)
export type CreateCaseBody = Static<typeof CreateCaseBody>

export const ResubmitCaseBody = Type.Object(caseFields, { additionalProperties: false })
export type ResubmitCaseBody = Static<typeof ResubmitCaseBody>

export const CaseStatusSchema = literalUnion(CASE_STATUSES, { title: '状态' })

export const MyCaseView = Type.Object({
  id: Id,
  clientId: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  body: Type.String(),
  status: CaseStatusSchema,
  occurredAt: DateTime(),
  place: Type.Union([Place, Type.Null()]),
  topics: Type.Array(Type.String()),
  photos: Type.Array(MediaView),
  /** The latest comment staff left when returning or accepting the case. */
  staffComment: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime(),
  /** Present unless clear: held (审核中) or rejected (未通过审核) by the content check and staff. */
  moderation: Type.Optional(literalUnion(ITEM_MODERATIONS, { title: '内容审核状态' }))
})
export type MyCaseView = Static<typeof MyCaseView>

export const MyCasesPage = Type.Object({ items: Type.Array(MyCaseView) })
export type MyCasesPage = Static<typeof MyCasesPage>
