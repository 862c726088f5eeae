import type { WorkCalendar } from './calendar'
import { type Day, addDays, yearOf } from './day'

/**
 * Every answer that depends on a year the calendar does not know says so: the day was counted
 * as if that year had no holidays and no make-up days, which is probably wrong.
 */
export interface Counted<T> {
  value: T
  /** Years crossed whose holidays are unknown (counted as plain Monday–Friday). */
  uncoveredYears: number[]
}

function tracker(calendar: WorkCalendar) {
  const uncovered = new Set<number>()
  return {
    isWorking(day: Day) {
      const y = yearOf(day)
      if (calendar.sourceOf(y) === 'missing') uncovered.add(y)
      return calendar.isWorkingDay(day)
    },
    years: () => [...uncovered].sort((a, b) => a - b)
  }
}

/**
 * The n-th working day after `start`; the start day itself is not counted (a complaint received
 * on Monday with 7 working days is due on the Wednesday after next, holidays aside), as Chinese
 * administrative time limits are counted from the day after receipt.
 */
export function addWorkingDays(calendar: WorkCalendar, start: Day, n: number): Counted<Day> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`)
  const t = tracker(calendar)
  let day = start
  for (let left = n; left > 0; ) {
    day = addDays(day, 1)
    if (t.isWorking(day)) left--
  }
  return { value: day, uncoveredYears: t.years() }
}

/**
 * Working days in (from, to]: the inverse of addWorkingDays, so
 * workingDaysBetween(a, addWorkingDays(a, n)) = n. Negative when `to` is before `from`.
 */
export function workingDaysBetween(calendar: WorkCalendar, from: Day, to: Day): Counted<number> {
  if (to < from) {
    const back = workingDaysBetween(calendar, to, from)
    return { value: -back.value, uncoveredYears: back.uncoveredYears }
  }
  const uncoveredYears: number[] = []
  if (from < to) for (let y = yearOf(addDays(from, 1)); y <= yearOf(to); y++) if (calendar.sourceOf(y) === 'missing') uncoveredYears.push(y)
  return { value: calendar.countWorkingDays(from, to), uncoveredYears }
}
