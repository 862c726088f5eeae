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
}

interface CompiledYear {
  source: Exclude<YearSource, 'missing'>
  off: Map<Day, string>
  on: Map<Day, string>
}

function compile(source: CompiledYear['source'], e: YearEntries): CompiledYear {
  return {
    source,
    off: new Map(e.holidays.map((h) => [h.date, h.name])),
    on: new Map(e.workdays.map((w) => [w.date, w.name]))
  }
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
    }
  }
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
