import { Type, type Static } from 'typebox'
import { DateOnly, DateTime, Line } from './formats'
import { Id, literalUnion } from './common'
import { TopicYear } from './admin'
import { LIMITS } from '../limits'
import { BONUSES, CHANNELS, DEDUCTIONS, LEDGER_TYPES, OUTLET_LEVELS, PLACEMENTS } from '../ledger/vocabulary'
import { RULE_POINTS_MAX } from '../ledger/rules'
import { MediaView } from './case'

export const OutletLevelSchema = literalUnion(OUTLET_LEVELS, { title: '媒体级别' })
export const ChannelSchema = literalUnion(CHANNELS, { title: '渠道' })
export const PlacementSchema = literalUnion(PLACEMENTS, { title: '版面位置' })
export const LedgerTypeSchema = literalUnion(LEDGER_TYPES, { title: '稿件类型' })
export const DeductionSchema = literalUnion(DEDUCTIONS, { title: '扣分项' })
export const YearQuery = Type.Object({ year: Type.Optional(TopicYear) }, { additionalProperties: false })
export type YearQuery = Static<typeof YearQuery>
export const YearParams = Type.Object({ year: TopicYear }, { additionalProperties: false })

/** Points as people write them: at most 2 decimals (the ledger keeps cents). */
const Points = (title: string, minimum = 0) => Type.Number({ minimum, maximum: RULE_POINTS_MAX, multipleOf: 0.01, title })

// ---- outlets
export const OutletView = Type.Object({ id: Id, name: Type.String(), level: OutletLevelSchema, levelLabel: Type.String(), active: Type.Boolean() })
export type OutletView = Static<typeof OutletView>
export const OutletList = Type.Object({ outlets: Type.Array(OutletView) })
export const OutletName = Line({ minLength: 1, maxLength: LIMITS.outletName, title: '媒体名称' })
export const CreateOutletBody = Type.Object({ name: OutletName, level: OutletLevelSchema }, { additionalProperties: false })
export type CreateOutletBody = Static<typeof CreateOutletBody>
export const UpdateOutletBody = Type.Object(
  { name: Type.Optional(OutletName), level: Type.Optional(OutletLevelSchema), active: Type.Optional(Type.Boolean({ title: '启用' })) },
  { additionalProperties: false }
)
export type UpdateOutletBody = Static<typeof UpdateOutletBody>
export const OutletsQuery = Type.Object({ includeInactive: Type.Optional(Type.Boolean({ title: '包括已停用' })) }, { additionalProperties: false })

// ---- scoring rules
const row = <T extends readonly string[]>(keys: T, title: string) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Points(title)])) as Record<T[number], ReturnType<typeof Points>>, { additionalProperties: false })
const PlacementRow = row(PLACEMENTS, '分值')
const LevelTable = Type.Object(Object.fromEntries(OUTLET_LEVELS.map((l) => [l, PlacementRow])) as Record<(typeof OUTLET_LEVELS)[number], typeof PlacementRow>, { additionalProperties: false })
export const RulesBody = Type.Object(
  {
    points: Type.Object(Object.fromEntries(LEDGER_TYPES.map((t) => [t, LevelTable])) as Record<(typeof LEDGER_TYPES)[number], typeof LevelTable>, { additionalProperties: false, title: '基础分值（类型 × 级别 × 版面）' }),
    bonuses: row(BONUSES, '加分'),
    deductions: row(DEDUCTIONS, '扣分')
  },
  { additionalProperties: false }
)
export type RulesBody = Static<typeof RulesBody>
export const RulesView = Type.Object({
  year: Type.Integer(),
  /** own: set for this year; inherited: an earlier year's set still in force; default: the example. */
  source: literalUnion(['own', 'inherited', 'default'] as const),
  /** The year whose set applies (null: the built-in example). */
  fromYear: Type.Union([Type.Integer(), Type.Null()]),
  rules: RulesBody,
  updatedAt: Type.Union([DateTime(), Type.Null()])
})
export type RulesView = Static<typeof RulesView>
export const RecalculationView = Type.Object({
  year: Type.Integer(),
  publications: Type.Integer(),
  changed: Type.Integer(),
  pointsBefore: Type.Number(),
  pointsAfter: Type.Number(),
  recalculatedBy: Type.String(),
  recalculatedAt: DateTime()
})
export type RecalculationView = Static<typeof RecalculationView>

// ---- targets
export const TargetEntry = Type.Object(
  {
    /** null: the bureau's whole-year target. */
    departmentId: Type.Union([Id, Type.Null()], { title: '部门' }),
    type: LedgerTypeSchema,
    count: Type.Integer({ minimum: 0, maximum: LIMITS.targetCount, title: '目标篇数' }),
    points: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 1_000_000, multipleOf: 0.01, title: '目标分值' }), Type.Null()]))
  },
  { additionalProperties: false }
)
export type TargetEntry = Static<typeof TargetEntry>
export const TargetsBody = Type.Object({ targets: Type.Array(TargetEntry, { maxItems: 600, title: '目标' }) }, { additionalProperties: false })
export type TargetsBody = Static<typeof TargetsBody>
export const TargetView = Type.Object({
  departmentId: Type.Union([Id, Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  type: LedgerTypeSchema,
  count: Type.Integer(),
  points: Type.Union([Type.Number(), Type.Null()])
})
export type TargetView = Static<typeof TargetView>
export const TargetList = Type.Object({
  year: Type.Integer(),
  /** True when the bureau-wide targets are the built-in 343 / 337 / 8, not set by an admin. */
  bureauDefault: Type.Boolean(),
  targets: Type.Array(TargetView)
})
export type TargetList = Static<typeof TargetList>

// ---- publications
export const RecordPublicationBody = Type.Object(
  {
    draftId: Id,
    outletId: Id,
    channel: ChannelSchema,
    placement: PlacementSchema,
    publishedOn: DateOnly({ title: '发表日期' }),
    link: Type.Optional(Line({ minLength: 1, maxLength: LIMITS.publicationLink, pattern: '^https?://', title: '链接' })),
    proofMediaId: Type.Optional(Id),
    leaderComment: Type.Optional(Type.Boolean({ title: '领导批示' })),
    adopted: Type.Optional(Type.Boolean({ title: '被上级采用' })),
    deductions: Type.Optional(Type.Array(DeductionSchema, { maxItems: DEDUCTIONS.length, uniqueItems: true, title: '扣分项' })),
    /** The form's id for this submission: sending it again returns the first record, never a second. */
    clientId: Type.Optional(Line({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', title: '提交编号（clientId）' }))
  },
  { additionalProperties: false }
)
export type RecordPublicationBody = Static<typeof RecordPublicationBody>

export const CreditView = Type.Object({
  kind: literalUnion(['author', 'department'] as const),
  id: Id,
  name: Type.String(),
  share: Type.Number(),
  points: Type.Number()
})
export type CreditView = Static<typeof CreditView>
export const PublicationView = Type.Object({
  id: Id,
  draftId: Id,
  title: Type.String(),
  type: LedgerTypeSchema,
  outlet: Type.Object({ id: Id, name: Type.String(), level: OutletLevelSchema }),
  channel: ChannelSchema,
  placement: PlacementSchema,
  publishedOn: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  proofMediaId: Type.Union([Id, Type.Null()]),
  /** The uploaded screenshot or scan (signed, expiring links). */
  proof: Type.Union([MediaView, Type.Null()]),
  leaderComment: Type.Boolean(),
  adopted: Type.Boolean(),
  deductions: Type.Array(DeductionSchema),
  topics: Type.Array(Type.String()),
  points: Type.Number(),
  ruleYear: Type.Integer(),
  credits: Type.Array(CreditView),
  recordedAt: DateTime()
})
export type PublicationView = Static<typeof PublicationView>
export const PublicationsQuery = Type.Object(
  {
    year: Type.Optional(TopicYear),
    month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, title: '月份' })),
    departmentId: Type.Optional(Id),
    draftId: Type.Optional(Id)
  },
  { additionalProperties: false }
)
export type PublicationsQuery = Static<typeof PublicationsQuery>
export const PublicationList = Type.Object({ publications: Type.Array(PublicationView) })

// ---- dashboard
export const DashboardQuery = Type.Object({ year: Type.Optional(TopicYear), asOf: Type.Optional(DateOnly({ title: '截至日期' })) }, { additionalProperties: false })
export type DashboardQuery = Static<typeof DashboardQuery>
const Pace = Type.Object({ done: Type.Number(), target: Type.Number(), expected: Type.Number(), projected: Type.Number(), shortfall: Type.Number(), behind: Type.Boolean() })
const Tally = Type.Object({ count: Type.Number(), points: Type.Number() })
const ByType = Type.Object(Object.fromEntries(LEDGER_TYPES.map((t) => [t, Tally])) as Record<(typeof LEDGER_TYPES)[number], typeof Tally>)
export const DepartmentProgress = Type.Object({
  departmentId: Type.Union([Id, Type.Null()]),
  name: Type.String(),
  /** Counts are credited by share: a piece shared 50/50 counts 0.5 for each department. */
  count: Type.Number(),
  points: Type.Number(),
  byType: ByType,
  /** Per type with a target: pace of the count. */
  pace: Type.Array(Type.Object({ type: LedgerTypeSchema, count: Pace, points: Type.Union([Pace, Type.Null()]) })),
  behind: Type.Boolean(),
  rank: Type.Integer()
})
export type DepartmentProgress = Static<typeof DepartmentProgress>
export const DashboardView = Type.Object({
  year: Type.Integer(),
  asOf: Type.String(),
  totals: Type.Object({ count: Type.Integer(), points: Type.Number(), byType: ByType }),
  bureau: Type.Array(Type.Object({ type: LedgerTypeSchema, label: Type.String(), pace: Pace })),
  months: Type.Array(Type.Object({ month: Type.Integer(), count: Type.Integer(), points: Type.Number(), byType: ByType })),
  levels: Type.Array(Type.Object({ level: OutletLevelSchema, label: Type.String(), count: Type.Integer(), points: Type.Number() })),
  topics: Type.Array(Type.Object({ topic: Type.String(), count: Type.Integer(), points: Type.Number(), planned: Type.Boolean() })),
  departments: Type.Array(DepartmentProgress)
})
export type DashboardView = Static<typeof DashboardView>

export const SummaryQuery = Type.Object({ year: Type.Optional(TopicYear), month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, title: '月份' })) }, { additionalProperties: false })
export type SummaryQuery = Static<typeof SummaryQuery>
export const SummaryView = Type.Object({
  year: Type.Integer(),
  month: Type.Union([Type.Integer(), Type.Null()]),
  from: Type.String(),
  to: Type.String(),
  count: Type.Integer(),
  points: Type.Number(),
  byType: ByType,
  /** Pieces built from officers' cases, and their share of all pieces (0–1). */
  frontLine: Type.Object({ count: Type.Integer(), share: Type.Number() }),
  topicsCovered: Type.Array(Type.Object({ topic: Type.String(), count: Type.Integer() })),
  /** The year's active focus topics no piece served in the period. */
  topicsMissed: Type.Array(Type.String()),
  /** Average days from the first case's submission to publication (null: no piece from cases). */
  avgDaysCaseToPublication: Type.Union([Type.Number(), Type.Null()])
})
export type SummaryView = Static<typeof SummaryView>

export const ShortfallResult = Type.Object({ departmentsBehind: Type.Integer(), notified: Type.Integer() })
export const ExportQuery = Type.Object({ year: TopicYear, month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, title: '月份' })) }, { additionalProperties: false })
export type ExportQuery = Static<typeof ExportQuery>
