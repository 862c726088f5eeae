import { type Day, weekdayOf, yearOf } from './day'

/** One year's departures from the Monday–Friday week, as the State Council announces them. */
export interface YearEntries {
  /** Days off (public holidays, including the weekend days inside a holiday block). */
  holidays: readonly { date: Day; name: string }[]
  /** 调休: weekend days that are working days. */
  workdays: readonly { date: Day; name: string }[]
}

/** Where a year's calendar comes from; `missing` means nobody knows its holidays yet. */
export type YearSource = 'admin' | 'builtin' | 'missing'

export interface WorkCalendar {
  isWorkingDay(day: Day): boolean
  /** Which source decides `year`; a `missing` year is counted as plain Monday–Friday. */
  sourceOf(year: number): YearSource
  /** Name of the holiday or make-up day, if `day` is one. */
  nameOf(day: Day): string | null
  /** Working days in (from, to]; 0 unless from < to. Arithmetic, not a walk over the days. */
  countWorkingDays(from: Day, to: Day): number
}

interface CompiledYear {
  source: Exclude<YearSource, 'missing'>
  off: Map<Day, string>
  on: Map<Day, string>
  /**
   * The year's departures from Monday–Friday as epoch days in order, with the running sum of
   * their effect (+1 a make-up Saturday or Sunday, −1 a weekday off): a count over any range is
   * two binary searches, however many rows of the inbox ask.
   */
  changedDays: number[]
  runningEffect: number[]
}

function compile(source: CompiledYear['source'], e: YearEntries): CompiledYear {
  const off = new Map(e.holidays.map((h) => [h.date, h.name]))
  const on = new Map(e.workdays.map((w) => [w.date, w.name]))
  const effects: [number, number][] = []
  for (const day of on.keys()) if (isWeekend(day)) effects.push([epochDay(day), 1])
  for (const day of off.keys()) if (!on.has(day) && !isWeekend(day)) effects.push([epochDay(day), -1])
  effects.sort((a, b) => a[0] - b[0])
  let sum = 0
  return { source, off, on, changedDays: effects.map(([d]) => d), runningEffect: effects.map(([, e]) => (sum += e)) }
}

/** The summed effect of a year's departures on its days up to and including epoch day `upTo`. */
function effectUpTo(y: CompiledYear, upTo: number): number {
  let lo = 0
  let hi = y.changedDays.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (y.changedDays[mid]! <= upTo) lo = mid + 1
    else hi = mid
  }
  return lo ? y.runningEffect[lo - 1]! : 0
}

// The built-in years are the same data for every calendar (one per request on the inbox):
// compiled once per data set, not twenty-odd years of maps each time.
const compiledSets = new WeakMap<ReadonlyMap<number, YearEntries>, ReadonlyMap<number, CompiledYear>>()
function compiledBuiltin(builtin: ReadonlyMap<number, YearEntries>): ReadonlyMap<number, CompiledYear> {
  let compiled = compiledSets.get(builtin)
  if (!compiled) {
    compiled = new Map([...builtin].map(([y, e]) => [y, compile('builtin', e)]))
    compiledSets.set(builtin, compiled)
  }
  return compiled
}

/**
 * Builds a calendar from the built-in data and an admin's entries. An admin's entries for a
 * year replace the built-in year as a whole (the admin types in the State Council notice for
 * that year, which is complete), so a correction never mixes with stale data.
 */
export function createCalendar(builtin: ReadonlyMap<number, YearEntries>, admin: ReadonlyMap<number, YearEntries> = new Map()): WorkCalendar {
  const years = new Map(compiledBuiltin(builtin))
  for (const [y, e] of admin) years.set(y, compile('admin', e))
  return {
    isWorkingDay(day) {
      const y = years.get(yearOf(day))
      if (y?.on.has(day)) return true
      if (y?.off.has(day)) return false
      const wd = weekdayOf(day)
      return wd !== 0 && wd !== 6
    },
    sourceOf(year) {
      return years.get(year)?.source ?? 'missing'
    },
    nameOf(day) {
      const y = years.get(yearOf(day))
      return y?.off.get(day) ?? y?.on.get(day) ?? null
    },
    countWorkingDays(from, to) {
      if (to <= from) return 0
      // The Monday–Friday days, then each year's departures from them inside the range
      // (the inbox's overdue rows span hundreds of days, twenty rows a page).
      const a = epochDay(from)
      const b = epochDay(to)
      let count = weekdaysBefore(b + 1) - weekdaysBefore(a + 1)
      for (let year = yearOf(from); year <= yearOf(to); year++) {
        const y = years.get(year)
        if (y) count += effectUpTo(y, b) - effectUpTo(y, a)
      }
      return count
    }
  }
}

const DAY_MS = 24 * 3600 * 1000
const epochDay = (day: Day): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS)
const isWeekend = (day: Day): boolean => {
  const wd = weekdayOf(day)
  return wd === 0 || wd === 6
}
/** Monday–Friday days among epoch days [0, n) (negative n: minus those in [n, 0)); day 0 was a Thursday. */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7)
  let count = weeks * 5
  for (let i = 0, rem = n - weeks * 7; i < rem; i++) {
    const wd = (4 + i) % 7
    if (wd !== 0 && wd !== 6) count++
  }
  return count
}

export interface YearCoverage {
  year: number
  source: YearSource
  covered: boolean
}

export function calendarCoverage(calendar: WorkCalendar, year: number): YearCoverage {
  const source = calendar.sourceOf(year)
  return { year, source, covered: source !== 'missing' }
}
