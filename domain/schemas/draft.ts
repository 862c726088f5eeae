import { Type, type Static } from 'typebox'
import { DateTime, Line, Text } from './formats'
import { Id, literalUnion } from './common'
import { Version } from './item'
import { EvidenceMediaView } from './case'
import { LIMITS, ACTION_NOTE_MAX } from '../limits'
import { BLOCK_ID_PATTERN, DRAFT_LIMITS, MARKS } from '../draft/content'
import { DRAFT_ACTIONS, DRAFT_STATUSES, REVIEW_STAGES } from '../draft/state-machine'
import { DRAFT_TYPES } from '../draft/types'
import { DRAFT_FLAG_KINDS } from '../draft/flags'

// ---- structured content (domain/draft/content.ts): never HTML, every string storable text
export const BlockId = Type.String({ pattern: BLOCK_ID_PATTERN, title: '段落编号' })
const TextRunSchema = Type.Object(
  {
    text: Text({ maxLength: DRAFT_LIMITS.runText, title: '文字' }),
    marks: Type.Optional(Type.Array(literalUnion(MARKS), { maxItems: MARKS.length, uniqueItems: true, title: '格式' }))
  },
  { additionalProperties: false }
)
const Runs = Type.Array(TextRunSchema, { maxItems: DRAFT_LIMITS.runsPerBlock, title: '文字' })
const ParagraphSchema = Type.Object({ id: BlockId, type: Type.Literal('paragraph'), runs: Runs }, { additionalProperties: false })
const HeadingSchema = Type.Object({ id: BlockId, type: Type.Literal('heading'), level: Type.Union([Type.Literal(1), Type.Literal(2)]), runs: Runs }, { additionalProperties: false })
const ListSchema = Type.Object(
  { id: BlockId, type: Type.Literal('list'), ordered: Type.Boolean(), items: Type.Array(Runs, { minItems: 1, maxItems: DRAFT_LIMITS.listItems, title: '列表项' }) },
  { additionalProperties: false }
)
const ImageSchema = Type.Object(
  { id: BlockId, type: Type.Literal('image'), mediaId: Id, caption: Text({ maxLength: DRAFT_LIMITS.caption, title: '图片说明' }) },
  { additionalProperties: false }
)
export const DraftContentSchema = Type.Object(
  { blocks: Type.Array(Type.Union([ParagraphSchema, HeadingSchema, ListSchema, ImageSchema]), { maxItems: DRAFT_LIMITS.blocks, title: '正文' }) },
  { additionalProperties: false, title: '正文' }
)

export const DraftTypeSchema = literalUnion(DRAFT_TYPES, { title: '稿件类型' })
export const DraftStatusSchema = literalUnion(DRAFT_STATUSES, { title: '稿件状态' })
export const ReviewStageSchema = literalUnion(REVIEW_STAGES, { title: '审核环节' })
const DraftTitle = Line({ minLength: 1, maxLength: DRAFT_LIMITS.title, title: '稿件标题' })
const Topics = Type.Array(Line({ minLength: 1, maxLength: LIMITS.topic, title: '重点主题' }), { maxItems: LIMITS.topicsPerItem, title: '重点主题' })

export const CreditInput = Type.Object(
  {
    userId: Type.Optional(Id),
    departmentId: Type.Optional(Id),
    sharePercent: Type.Integer({ minimum: 1, maximum: 100, title: '分值比例（%）' })
  },
  { additionalProperties: false }
)
export type CreditInput = Static<typeof CreditInput>

// ---- requests
export const CreateDraftBody = Type.Object(
  {
    type: DraftTypeSchema,
    caseIds: Type.Array(Id, { minItems: 1, maxItems: DRAFT_LIMITS.casesPerDraft, uniqueItems: true, title: '使用的事例' }),
    /** Whose reviewers sign it; the writer's own department when absent. */
    departmentId: Type.Optional(Id),
    topics: Type.Optional(Topics)
  },
  { additionalProperties: false }
)
export type CreateDraftBody = Static<typeof CreateDraftBody>

export const UpdateDraftBody = Type.Object(
  {
    version: Version,
    title: DraftTitle,
    type: Type.Optional(DraftTypeSchema),
    content: DraftContentSchema,
    topics: Type.Optional(Topics),
    credits: Type.Optional(Type.Array(CreditInput, { maxItems: DRAFT_LIMITS.creditsPerDraft, title: '署名' }))
  },
  { additionalProperties: false }
)
export type UpdateDraftBody = Static<typeof UpdateDraftBody>

export const DraftActionBody = Type.Object(
  {
    action: literalUnion(DRAFT_ACTIONS, { title: '操作' }),
    /** The content version the actor read: a reviewer signs what they saw, nothing newer. */
    version: Version,
    note: Type.Optional(Text({ maxLength: ACTION_NOTE_MAX, title: '意见' })),
    reason: Type.Optional(Text({ maxLength: ACTION_NOTE_MAX, title: '原因' }))
  },
  { additionalProperties: false }
)
export type DraftActionBody = Static<typeof DraftActionBody>

export const DraftListQuery = Type.Object(
  {
    /** mine: what I write; review: 待我审核 (at a stage I may sign); all: the bureau's drafts. */
    view: Type.Optional(literalUnion(['mine', 'review', 'all'] as const, { title: '范围' })),
    status: Type.Optional(DraftStatusSchema)
  },
  { additionalProperties: false }
)
export type DraftListQuery = Static<typeof DraftListQuery>

export const CommentBody = Type.Object(
  {
    version: Version,
    anchor: Type.Optional(BlockId),
    body: Text({ minLength: 1, maxLength: DRAFT_LIMITS.comment, title: '批注' })
  },
  { additionalProperties: false }
)
export type CommentBody = Static<typeof CommentBody>

export const AcknowledgeBody = Type.Object({ note: Text({ minLength: 1, maxLength: ACTION_NOTE_MAX, title: '确认说明' }) }, { additionalProperties: false })
export type AcknowledgeBody = Static<typeof AcknowledgeBody>

export const DraftSubParams = Type.Object({ id: Id, subId: Id }, { additionalProperties: false })
export const VersionParams = Type.Object({ id: Id, number: Type.Integer({ minimum: 1, maximum: 2_147_483_647, title: '版本号' }) }, { additionalProperties: false })
export const DiffQuery = Type.Object(
  { from: Type.Integer({ minimum: 1, maximum: 2_147_483_647, title: '旧版本' }), to: Type.Integer({ minimum: 1, maximum: 2_147_483_647, title: '新版本' }) },
  { additionalProperties: false }
)

// ---- views
const Named = Type.Object({ id: Id, name: Type.String() })

export const DraftSummary = Type.Object({
  id: Id,
  type: DraftTypeSchema,
  title: Type.String(),
  status: DraftStatusSchema,
  version: Type.Integer(),
  author: Named,
  department: Named,
  topics: Type.Array(Type.String()),
  caseCount: Type.Integer(),
  createdAt: DateTime(),
  updatedAt: DateTime(),
  submittedAt: Type.Union([DateTime(), Type.Null()]),
  approvedAt: Type.Union([DateTime(), Type.Null()]),
  publishedAt: Type.Union([DateTime(), Type.Null()])
})
export type DraftSummary = Static<typeof DraftSummary>
export const DraftList = Type.Object({ drafts: Type.Array(DraftSummary) })
export type DraftList = Static<typeof DraftList>

export const DraftCaseView = Type.Object({
  id: Id,
  title: Type.String(),
  body: Type.String(),
  status: Type.String(),
  occurredAt: DateTime(),
  place: Type.Union([Type.String(), Type.Null()]),
  reporterName: Type.Union([Type.String(), Type.Null()]),
  photos: Type.Array(EvidenceMediaView)
})
export type DraftCaseView = Static<typeof DraftCaseView>

export const CreditView = Type.Object({
  userId: Type.Union([Id, Type.Null()]),
  departmentId: Type.Union([Id, Type.Null()]),
  name: Type.String(),
  sharePercent: Type.Integer()
})
export type CreditView = Static<typeof CreditView>

export const DraftEventView = Type.Object({
  id: Id,
  action: Type.String(),
  label: Type.String(),
  actor: Type.Union([Named, Type.Null()]),
  fromStatus: Type.Union([Type.String(), Type.Null()]),
  toStatus: Type.Union([Type.String(), Type.Null()]),
  stage: Type.Union([ReviewStageSchema, Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  at: DateTime()
})
export type DraftEventView = Static<typeof DraftEventView>

export const DraftCommentView = Type.Object({
  id: Id,
  version: Type.Integer(),
  anchor: Type.Union([Type.String(), Type.Null()]),
  author: Named,
  body: Type.String(),
  resolvedAt: Type.Union([DateTime(), Type.Null()]),
  createdAt: DateTime()
})
export type DraftCommentView = Static<typeof DraftCommentView>

export const DraftFlagView = Type.Object({
  id: Id,
  version: Type.Integer(),
  kind: literalUnion(DRAFT_FLAG_KINDS),
  anchor: Type.Union([Type.String(), Type.Null()]),
  excerpt: Type.String(),
  message: Type.String(),
  suggestion: Type.Union([Type.String(), Type.Null()]),
  acknowledged: Type.Union([Type.Object({ by: Named, at: DateTime(), note: Type.String() }), Type.Null()])
})
export type DraftFlagView = Static<typeof DraftFlagView>

export const SignatureView = Type.Object({
  stage: ReviewStageSchema,
  label: Type.String(),
  signer: Type.Union([Named, Type.Null()]),
  at: Type.Union([DateTime(), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()])
})
export type SignatureView = Static<typeof SignatureView>

export const DraftDetail = Type.Intersect([
  DraftSummary,
  Type.Object({
    content: DraftContentSchema,
    cases: Type.Array(DraftCaseView),
    credits: Type.Array(CreditView),
    events: Type.Array(DraftEventView),
    comments: Type.Array(DraftCommentView),
    flags: Type.Array(DraftFlagView),
    openFlags: Type.Integer(),
    /** The current round's signatures, one row per stage (empty signer: not yet signed). */
    signatures: Type.Array(SignatureView),
    /** Who may sign each stage of this draft's department. */
    reviewers: Type.Array(Type.Object({ stage: ReviewStageSchema, people: Type.Array(Named) })),
    /** Actions the table lets me take now (the guard's answer included). */
    allowedActions: Type.Array(Type.Object({ action: literalUnion(DRAFT_ACTIONS), label: Type.String(), needs: Type.Union([Type.String(), Type.Null()]) })),
    /** Whether I may edit the text (a writer, while drafting). */
    editable: Type.Boolean(),
    /** Whether I may record where it appeared (登记发表): approved or published, and a writer. */
    recordable: Type.Boolean()
  })
])
export type DraftDetail = Static<typeof DraftDetail>

export const DraftVersionSummary = Type.Object({ number: Type.Integer(), title: Type.String(), author: Named, createdAt: DateTime() })
export const DraftVersionList = Type.Object({ versions: Type.Array(DraftVersionSummary) })
export type DraftVersionList = Static<typeof DraftVersionList>
export const DraftVersionView = Type.Intersect([DraftVersionSummary, Type.Object({ content: DraftContentSchema })])
export type DraftVersionView = Static<typeof DraftVersionView>

export const DiffPart = Type.Object({ value: Type.String(), added: Type.Boolean(), removed: Type.Boolean() })
export const DraftDiff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  title: Type.Array(DiffPart),
  blocks: Type.Array(
    Type.Object({
      anchor: Type.String(),
      change: literalUnion(['added', 'removed', 'changed', 'same'] as const),
      parts: Type.Array(DiffPart)
    })
  )
})
export type DraftDiff = Static<typeof DraftDiff>

/** Drafts a case was used in (the case's 已用于稿件 list). */
export const CaseDraftList = Type.Object({ drafts: Type.Array(Type.Object({ id: Id, title: Type.String(), type: DraftTypeSchema, status: DraftStatusSchema })) })
export type CaseDraftList = Static<typeof CaseDraftList>

// ---- 三审 configuration (admin)
export const StageReviewers = Type.Object({ stage: ReviewStageSchema, label: Type.String(), hint: Type.String(), people: Type.Array(Named) })
export const DepartmentReviewers = Type.Object({ department: Named, stages: Type.Array(StageReviewers) })
export type DepartmentReviewers = Static<typeof DepartmentReviewers>
export const ReviewerConfigList = Type.Object({ departments: Type.Array(DepartmentReviewers) })
export type ReviewerConfigList = Static<typeof ReviewerConfigList>
const StageIds = Type.Array(Id, { maxItems: 20, uniqueItems: true, title: '审核人' })
export const PutReviewersBody = Type.Object({ first_review: StageIds, second_review: StageIds, final_review: StageIds }, { additionalProperties: false })
export type PutReviewersBody = Static<typeof PutReviewersBody>

// ---- editorial expressions (admin)
export const ExpressionView = Type.Object({ id: Type.Union([Id, Type.Null()]), phrase: Type.String(), suggestion: Type.Union([Type.String(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]), builtin: Type.Boolean() })
export const ExpressionList = Type.Object({ expressions: Type.Array(ExpressionView) })
export type ExpressionList = Static<typeof ExpressionList>
export const ExpressionBody = Type.Object(
  {
    phrase: Line({ minLength: 1, maxLength: DRAFT_LIMITS.expressionPhrase, title: '表述' }),
    suggestion: Type.Optional(Line({ minLength: 1, maxLength: DRAFT_LIMITS.expressionPhrase, title: '建议改为' })),
    note: Type.Optional(Line({ minLength: 1, maxLength: DRAFT_LIMITS.expressionNote, title: '说明' }))
  },
  { additionalProperties: false }
)
export type ExpressionBody = Static<typeof ExpressionBody>
