import { Type, type Static } from 'typebox'
import { CursorSchema, DateTime, Line, Text } from './formats'
import { Id, literalUnion } from './common'
import { MessageCategorySchema, Version } from './item'
import { BOARD_ACTIONS, BOARD_STATUSES } from '../board/state-machine'
import { PRIVACY_KINDS } from '../privacy/types'
import { ACTION_NOTE_MAX, LIMITS, MESSAGE_BODY_MAX, REPLY_BODY_MAX } from '../limits'

export const BoardStatusSchema = literalUnion(BOARD_STATUSES, { title: '选登状态' })
export const BoardActionSchema = literalUnion(BOARD_ACTIONS, { title: '选登操作' })
export const PrivacyKindSchema = literalUnion(PRIVACY_KINDS, { title: '隐去类型' })

const Offset = Type.Integer({ minimum: 0, maximum: REPLY_BODY_MAX * 2, title: '位置' })

/** A span staff keep masked: [start, end) in UTF-16 offsets of the text it belongs to. */
export const SpanChoice = Type.Object({ start: Offset, end: Offset, kind: PrivacyKindSchema }, { additionalProperties: false })

const textInput = (max: number, title: string) =>
  Type.Object(
    {
      /** The text before masking, as staff corrected it. */
      text: Text({ minLength: 1, maxLength: max, title }),
      spans: Type.Array(SpanChoice, { maxItems: LIMITS.boardSpans, title: '隐去的内容' })
    },
    { additionalProperties: false }
  )

export const ProposeBoardBody = Type.Object(
  {
    /** Absent: the message and its reply as they are, with everything the masker finds masked. */
    question: Type.Optional(textInput(MESSAGE_BODY_MAX, '公开的留言内容')),
    answer: Type.Optional(textInput(REPLY_BODY_MAX, '公开的答复内容'))
  },
  { additionalProperties: false }
)
export type ProposeBoardBody = Static<typeof ProposeBoardBody>

export const EditBoardBody = Type.Object(
  { version: Version, question: textInput(MESSAGE_BODY_MAX, '公开的留言内容'), answer: textInput(REPLY_BODY_MAX, '公开的答复内容') },
  { additionalProperties: false }
)
export type EditBoardBody = Static<typeof EditBoardBody>

/** Approval names the version the reviewer read: a later edit makes it stale (409). */
export const ApproveBoardBody = Type.Object({ version: Version }, { additionalProperties: false })
export type ApproveBoardBody = Static<typeof ApproveBoardBody>

export const BoardReasonBody = Type.Object({ reason: Text({ minLength: 1, maxLength: ACTION_NOTE_MAX, title: '原因' }) }, { additionalProperties: false })
export type BoardReasonBody = Static<typeof BoardReasonBody>

export const PrivacySpanView = Type.Object({ start: Type.Integer(), end: Type.Integer(), kind: PrivacyKindSchema, text: Type.String(), replacement: Type.String() })

/** A text as staff see it: the source, what is masked, the public result, and findings left visible. */
export const BoardTextView = Type.Object({
  text: Type.String(),
  spans: Type.Array(PrivacySpanView),
  public: Type.String(),
  unmasked: Type.Array(PrivacySpanView)
})
export type BoardTextView = Static<typeof BoardTextView>

const Person = Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()])

export const BoardProposalView = Type.Object({
  id: Id,
  itemId: Id,
  trackingCode: Type.String(),
  category: MessageCategorySchema,
  status: BoardStatusSchema,
  version: Type.Integer(),
  question: BoardTextView,
  answer: BoardTextView,
  proposedBy: Person,
  proposedAt: DateTime(),
  updatedAt: DateTime(),
  decidedBy: Person,
  decidedAt: Type.Union([DateTime(), Type.Null()]),
  publishedAt: Type.Union([DateTime(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  withdrawnBy: Person,
  withdrawnAt: Type.Union([DateTime(), Type.Null()]),
  /** What the current user may do now (the table's answer, the proposer's own approval excluded). */
  allowedActions: Type.Array(BoardActionSchema)
})
export type BoardProposalView = Static<typeof BoardProposalView>

export const BoardProposalQuery = Type.Object(
  { status: Type.Optional(BoardStatusSchema), cursor: Type.Optional(CursorSchema) },
  { additionalProperties: false }
)
export type BoardProposalQuery = Static<typeof BoardProposalQuery>

export const BoardProposalList = Type.Object({ items: Type.Array(BoardProposalView), nextCursor: Type.Union([Type.String(), Type.Null()]) })
export type BoardProposalList = Static<typeof BoardProposalList>

/** What the desk item page shows before a proposal: may it be proposed, and the masker's preview. */
export const BoardPreview = Type.Object({
  /** Null when the message may be proposed; otherwise why not, in words a person can act on. */
  refusal: Type.Union([Type.String(), Type.Null()]),
  /** The live proposal or published entry of this message, if any. */
  entryId: Type.Union([Id, Type.Null()]),
  question: Type.Union([BoardTextView, Type.Null()]),
  answer: Type.Union([BoardTextView, Type.Null()])
})
export type BoardPreview = Static<typeof BoardPreview>

// The public board: masked text only, no names of staff, no ids of the message.
export const PublicBoardQuery = Type.Object(
  {
    category: Type.Optional(MessageCategorySchema),
    q: Type.Optional(Line({ minLength: 1, maxLength: LIMITS.boardQuery, title: '搜索内容' })),
    cursor: Type.Optional(CursorSchema)
  },
  { additionalProperties: false }
)
export type PublicBoardQuery = Static<typeof PublicBoardQuery>

export const PublicBoardEntry = Type.Object({
  id: Id,
  category: MessageCategorySchema,
  question: Type.String(),
  answer: Type.String(),
  askedAt: DateTime(),
  publishedAt: DateTime()
})
export type PublicBoardEntry = Static<typeof PublicBoardEntry>

export const PublicBoardList = Type.Object({ items: Type.Array(PublicBoardEntry), nextCursor: Type.Union([Type.String(), Type.Null()]) })
export type PublicBoardList = Static<typeof PublicBoardList>
