import { Type, type Static } from 'typebox'
import { literalUnion } from './common'

/** A deadline as the desk shows it, computed on the server with the bureau's calendar. */
export const DueView = Type.Object({
  dueAt: Type.String({ format: 'date-time' }),
  state: literalUnion(['remaining', 'due_today', 'overdue'] as const),
  workingDays: Type.Integer(),
  /** 剩 2 个工作日 / 今日到期 / 已超期 1 个工作日 */
  label: Type.String(),
  /** Due today or on the next working day. */
  dueSoon: Type.Boolean(),
  /** The count crossed a year the calendar lacks: may be off. */
  uncertain: Type.Boolean()
})
export type DueView = Static<typeof DueView>
