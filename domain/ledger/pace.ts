import { addDays, type Day } from '../deadlines/day'
import type { LedgerType } from './vocabulary'

/** The city bureau's yearly targets for the whole bureau (the example year): 343 / 337 / 8. */
export const BUREAU_DEFAULT_TARGETS: Record<LedgerType, number> = { news: 343, information: 337, research: 8 }

export const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
export const daysInYear = (y: number) => (isLeapYear(y) ? 366 : 365)

/**
 * How much of `year` has passed on `asOf` (a Beijing day), in CALENDAR days, the day itself
 * counted: 1 on 1 January, the whole year on 31 December and after, 0 before the year begins.
 * Calendar days, not working days: publication does not stop at weekends (the bureau's
 * accounts post every day, papers print on Saturdays), and the result does not depend on a
 * holiday calendar that may not cover the year yet.
 */
export function elapsedDays(year: number, asOf: Day): number {
  const start = `${year}-01-01`
  if (asOf < start) return 0
  if (asOf > `${year}-12-31`) return daysInYear(year)
  return Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86400000) + 1
}

/** Projected year-end from the pace so far: done × days in year ÷ days elapsed (0 before the year starts). */
export function projectYearEnd(done: number, year: number, asOf: Day): number {
  const elapsed = elapsedDays(year, asOf)
  if (elapsed === 0) return 0
  return Math.round(((done * daysInYear(year)) / elapsed) * 100) / 100
}

/** What the target asks for by `asOf` at an even pace. */
export function expectedByNow(target: number, year: number, asOf: Day): number {
  return Math.round(((target * elapsedDays(year, asOf)) / daysInYear(year)) * 100) / 100
}

/**
 * Days of the year before anyone is warned: in the first weeks one piece more or less swings
 * the projection wildly, so no one is called behind before February.
 */
export const SHORTFALL_GRACE_DAYS = 31

export interface PaceReport {
  done: number
  target: number
  expected: number
  projected: number
  /** Target minus projected, when the projection falls short; else 0. */
  shortfall: number
  behind: boolean
}

/**
 * The shortfall rule: behind when, after the grace days, the projected year-end falls short of
 * a positive target. A year that is over is judged on what was done (projection = actual).
 */
export function pace(done: number, target: number, year: number, asOf: Day): PaceReport {
  const projected = projectYearEnd(done, year, asOf)
  const expected = expectedByNow(target, year, asOf)
  const shortfall = target > 0 && projected < target ? Math.round((target - projected) * 100) / 100 : 0
  return { done, target, expected, projected, shortfall, behind: shortfall > 0 && elapsedDays(year, asOf) > SHORTFALL_GRACE_DAYS }
}

/** The months of a year up to `asOf` (1–12), for the per-month series. */
export function monthsSoFar(year: number, asOf: Day): number {
  if (asOf < `${year}-01-01`) return 0
  if (asOf > `${year}-12-31`) return 12
  return Number(asOf.slice(5, 7))
}

export const lastDayOfYear = (year: number): Day => addDays(`${year + 1}-01-01`, -1)
