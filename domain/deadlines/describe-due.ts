import type { WorkCalendar } from './calendar'
import { beijingDay, endOfBeijingDay } from './day'
import { addWorkingDays, workingDaysBetween } from './working-days'

/** Due today or on the next working day: worth a reminder and a highlight. */
export const DUE_SOON_WORKING_DAYS = 1

export type DueState = 'remaining' | 'due_today' | 'overdue'

export interface DueDescription {
  state: DueState
  /** Working days left (remaining) or past (overdue); 0 when due today. */
  workingDays: number
  dueSoon: boolean
  /** What the desk shows: 剩 2 个工作日 / 今日到期 / 已超期 1 个工作日. */
  label: string
  /** The count crossed a year the calendar does not know: the figure may be off. */
  uncertain: boolean
}

/** How a deadline looks from `now`, in Beijing working days. */
export function describeDue(calendar: WorkCalendar, now: Date, due: Date): DueDescription {
  const today = beijingDay(now)
  const dueDay = beijingDay(due)
  if (now.getTime() > due.getTime()) {
    const past = workingDaysBetween(calendar, dueDay, today)
    // Past the deadline but no working day has gone by since (e.g. due Friday, now Saturday).
    const days = Math.max(1, past.value)
    return { state: 'overdue', workingDays: days, dueSoon: false, label: `已超期 ${days} 个工作日`, uncertain: past.uncoveredYears.length > 0 }
  }
  if (today === dueDay) return { state: 'due_today', workingDays: 0, dueSoon: true, label: '今日到期', uncertain: false }
  const left = workingDaysBetween(calendar, today, dueDay)
  if (left.value === 0) {
    // Only days off lie between today and the deadline (a deadline on a day that became a holiday).
    return { state: 'remaining', workingDays: 0, dueSoon: true, label: '即将到期', uncertain: left.uncoveredYears.length > 0 }
  }
  return {
    state: 'remaining',
    workingDays: left.value,
    dueSoon: left.value <= DUE_SOON_WORKING_DAYS,
    label: `剩 ${left.value} 个工作日`,
    uncertain: left.uncoveredYears.length > 0
  }
}

/** The deadline as the API shows it (null: the item has none). */
export function dueView(calendar: WorkCalendar, now: Date, due: Date | null) {
  if (!due) return null
  const { state, workingDays, label, dueSoon, uncertain } = describeDue(calendar, now, due)
  return { dueAt: due.toISOString(), state, workingDays, label, dueSoon, uncertain }
}

/**
 * Items due before this instant are due soon (today or the next working day): the working-day
 * counterpart of a "due within 24 hours" filter, for the same highlight on a Friday as on a Monday.
 */
export function dueSoonBefore(calendar: WorkCalendar, now: Date): Date {
  return endOfBeijingDay(addWorkingDays(calendar, beijingDay(now), DUE_SOON_WORKING_DAYS).value)
}
