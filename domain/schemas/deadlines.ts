import { Type, type Static } from 'typebox'
import { DateOnly, DateTime, Line } from './formats'
import { MESSAGE_CATEGORIES } from '../message/categories'
import { CLOCK_STARTS } from '../deadlines/rules'
import { Id, literalUnion } from './common'
import { ItemKind } from './item'

const Day = DateOnly({ title: '日期（YYYY-MM-DD）' })
export const RuleCategorySchema = literalUnion([...MESSAGE_CATEGORIES, '*'] as const, { title: '类别（* 为该类型全部）' })
export const ClockStartSchema = literalUnion(CLOCK_STARTS, { title: '起算时点' })

export const DeadlineRuleKeyParams = Type.Object(
  { kind: ItemKind, category: RuleCategorySchema, clockStart: ClockStartSchema },
  { additionalProperties: false }
)

export const PutDeadlineRuleBody = Type.Object(
  {
    kind: ItemKind,
    category: RuleCategorySchema,
    clockStart: ClockStartSchema,
    /** Null switches the deadline off for this key. */
    workingDays: Type.Union([Type.Integer({ minimum: 1, maximum: 365, title: '工作日数' }), Type.Null()])
  },
  { additionalProperties: false }
)
export type PutDeadlineRuleBody = Static<typeof PutDeadlineRuleBody>

export const DeadlineRuleView = Type.Object({
  kind: ItemKind,
  category: RuleCategorySchema,
  clockStart: ClockStartSchema,
  workingDays: Type.Union([Type.Integer(), Type.Null()]),
  /** `admin` when an admin changed (or added) the rule, else the statutory default. */
  source: literalUnion(['default', 'admin'] as const),
  defaultWorkingDays: Type.Union([Type.Integer(), Type.Null()]),
  purpose: Type.Union([Type.String(), Type.Null()]),
  basis: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([DateTime(), Type.Null()])
})
export type DeadlineRuleView = Static<typeof DeadlineRuleView>
export const DeadlineRuleList = Type.Object({ rules: Type.Array(DeadlineRuleView) })
export type DeadlineRuleList = Static<typeof DeadlineRuleList>

export const YearSourceSchema = literalUnion(['admin', 'builtin', 'missing'] as const)
export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100, title: '年份' }) }, { additionalProperties: false })

const CalendarDay = Type.Object({ date: Day, name: Line({ minLength: 1, maxLength: 30, title: '名称' }) }, { additionalProperties: false })

export const PutCalendarYearBody = Type.Object(
  {
    holidays: Type.Array(CalendarDay, { minItems: 1, maxItems: 60, title: '放假日期' }),
    workdays: Type.Array(CalendarDay, { maxItems: 20, title: '调休上班日期' })
  },
  { additionalProperties: false }
)
export type PutCalendarYearBody = Static<typeof PutCalendarYearBody>

export const CalendarYearView = Type.Object({
  year: Type.Integer(),
  source: YearSourceSchema,
  holidays: Type.Array(Type.Object({ date: Day, name: Type.String() })),
  workdays: Type.Array(Type.Object({ date: Day, name: Type.String() }))
})
export type CalendarYearView = Static<typeof CalendarYearView>

export const CalendarStatus = Type.Object({
  today: Day,
  years: Type.Array(Type.Object({ year: Type.Integer(), source: YearSourceSchema, covered: Type.Boolean() })),
  /** Years among this and the coming one that nobody has entered: the desk shows a banner. */
  missingYears: Type.Array(Type.Integer()),
  warning: Type.Union([Type.String(), Type.Null()]),
  builtin: Type.Object({ firstYear: Type.Integer(), lastYear: Type.Integer(), source: Type.String() })
})
export type CalendarStatus = Static<typeof CalendarStatus>

const OverdueGroup = Type.Object({
  id: Type.Union([Id, Type.Null()]),
  name: Type.String(),
  count: Type.Integer(),
  maxOverdueWorkingDays: Type.Integer()
})
export const OverdueReport = Type.Object({
  generatedAt: DateTime(),
  total: Type.Integer(),
  byDepartment: Type.Array(OverdueGroup),
  byAssignee: Type.Array(OverdueGroup),
  items: Type.Array(
    Type.Object({
      id: Id,
      kind: ItemKind,
      excerpt: Type.String(),
      dueAt: DateTime(),
      overdueWorkingDays: Type.Integer(),
      label: Type.String(),
      assigneeName: Type.Union([Type.String(), Type.Null()]),
      departmentName: Type.Union([Type.String(), Type.Null()])
    })
  ),
  uncertain: Type.Boolean()
})
export type OverdueReport = Static<typeof OverdueReport>
