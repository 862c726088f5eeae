import data from 'chinese-days/dist/chinese-days.json'
import type { YearEntries } from './calendar'
import { yearOf } from './day'

/**
 * The State Council holiday arrangements bundled with chinese-days (2004–2026 in 1.5.7): its
 * JSON, not its functions, because its functions silently treat a year it lacks as plain
 * Monday–Friday. Entries read "English name,中文名,days".
 */
function byYear(): Map<number, YearEntries> {
  const years = new Map<number, { holidays: { date: string; name: string }[]; workdays: { date: string; name: string }[] }>()
  const entry = (y: number) => {
    let e = years.get(y)
    if (!e) years.set(y, (e = { holidays: [], workdays: [] }))
    return e
  }
  const name = (raw: string) => raw.split(',')[1] ?? raw
  for (const [date, raw] of Object.entries(data.holidays as Record<string, string>)) entry(yearOf(date)).holidays.push({ date, name: name(raw) })
  for (const [date, raw] of Object.entries(data.workdays as Record<string, string>)) entry(yearOf(date)).workdays.push({ date, name: name(raw) + '调休上班' })
  for (const e of years.values()) {
    e.holidays.sort((a, b) => a.date.localeCompare(b.date))
    e.workdays.sort((a, b) => a.date.localeCompare(b.date))
  }
  return years
}

export const BUILTIN_YEARS: ReadonlyMap<number, YearEntries> = byYear()
export const BUILTIN_FIRST_YEAR = Math.min(...BUILTIN_YEARS.keys())
export const BUILTIN_LAST_YEAR = Math.max(...BUILTIN_YEARS.keys())
