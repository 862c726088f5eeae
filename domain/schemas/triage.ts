import { Type, type Static } from 'typebox'
import { ACTION_NOTE_MAX, LIMITS } from '../limits'
import { REJECT_REASONS } from '../message/state-machine'
import { DUPLICATE_REASONS } from '../duplicates'
import { DateTime, Line, Text } from './formats'
import { Id, literalUnion } from './common'
import { InboxQuery, InboxViewQuery } from './inbox'
import { ItemActionSchema, ItemKind, ItemStatusSchema, Version } from './item'

export const BATCH_OPS = ['act', 'assign', 'tag'] as const
export type BatchOpName = (typeof BATCH_OPS)[number]

/** "All that match": GET /api/inbox's filter and view, without the page (cursor, limit). */
export const BatchFilter = Type.Object({ ...InboxViewQuery.properties, view: InboxQuery.properties.view }, { additionalProperties: false, title: '筛选条件' })
export type BatchFilter = Static<typeof BatchFilter>

/**
 * One operation on many items. Flat rather than a union per op, so a wrong field gets a plain
 * message naming it; which fields each op needs is checked by the service (services/items-batch.ts).
 */
export const BatchBody = Type.Object(
  {
    op: literalUnion(BATCH_OPS, { title: '批量操作' }),
    /** op act: an action of the items' transition tables (accept, close…). */
    action: Type.Optional(ItemActionSchema),
    note: Type.Optional(Text({ minLength: 1, maxLength: ACTION_NOTE_MAX, title: '说明' })),
    reason: Type.Optional(literalUnion(REJECT_REASONS, { title: '不予受理原因' })),
    /** op assign: a desk colleague, or null to clear. */
    assigneeId: Type.Optional(Type.Union([Id, Type.Null()], { title: '处理人' })),
    /** op tag: the topics, replacing the items' own. */
    topics: Type.Optional(
      Type.Array(Line({ minLength: 1, maxLength: LIMITS.topic, title: '重点主题' }), { maxItems: LIMITS.topicsPerItem, uniqueItems: true, title: '重点主题' })
    ),
    items: Type.Optional(
      Type.Array(Type.Object({ id: Id, version: Type.Optional(Version) }, { additionalProperties: false }), { minItems: 1, maxItems: LIMITS.batchItems, title: '所选条目' })
    ),
    filter: Type.Optional(BatchFilter)
  },
  { additionalProperties: false }
)
export type BatchBody = Static<typeof BatchBody>

/** Who did what to an item after the version a request was made against. */
export const ItemChangeView = Type.Object({
  version: Type.Integer(),
  action: Type.String(),
  label: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  at: DateTime()
})
export type ItemChangeView = Static<typeof ItemChangeView>

export const BatchResult = Type.Object({
  id: Id,
  ok: Type.Boolean(),
  /** The item's status after the operation (or the one that refused it, when known). */
  status: Type.Optional(ItemStatusSchema),
  version: Type.Optional(Type.Integer()),
  /** Why it was refused, machine-readable (conflict, stale_version, not_found, forbidden, bad_request). */
  code: Type.Optional(Type.String()),
  message: Type.String(),
  /** For a stale version: what changed since. */
  changes: Type.Optional(Type.Array(ItemChangeView))
})
export type BatchResult = Static<typeof BatchResult>

export const BatchAnswer = Type.Object({
  /** How many items the request named or the filter matched (may exceed the results when capped). */
  matched: Type.Integer(),
  /** True when the filter matched more than one batch acts on (LIMITS.batchFilterCap). */
  capped: Type.Boolean(),
  results: Type.Array(BatchResult)
})
export type BatchAnswer = Static<typeof BatchAnswer>

export const DuplicateCandidate = Type.Object({
  id: Id,
  kind: ItemKind,
  title: Type.Union([Type.String(), Type.Null()]),
  excerpt: Type.String(),
  trackingCode: Type.Union([Type.String(), Type.Null()]),
  status: ItemStatusSchema,
  createdAt: DateTime(),
  score: Type.Number({ minimum: 0, maximum: 1 }),
  reasons: Type.Array(literalUnion(DUPLICATE_REASONS)),
  /** Whether this item may be merged into the candidate (same kind, candidate still open or waiting). */
  mergeable: Type.Boolean()
})
export type DuplicateCandidate = Static<typeof DuplicateCandidate>
export const DuplicatesAnswer = Type.Object({ candidates: Type.Array(DuplicateCandidate) })
export type DuplicatesAnswer = Static<typeof DuplicatesAnswer>

export const MergeBody = Type.Object(
  {
    into: Id,
    version: Type.Optional(Version),
    note: Type.Optional(Text({ minLength: 1, maxLength: ACTION_NOTE_MAX, title: '说明' }))
  },
  { additionalProperties: false }
)
export type MergeBody = Static<typeof MergeBody>
