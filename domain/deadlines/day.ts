import dayjs from 'dayjs'

/** A calendar day in Beijing time, written 'YYYY-MM-DD'. Deadlines are counted in these. */
export type Day = string

const BEIJING_OFFSET_MS = 8 * 3600 * 1000
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/**
 * China has kept UTC+8 with no daylight saving since 1991, so the Beijing date of an instant
 * is a fixed shift: no time-zone database is needed (and the mini-program has none).
 */
export function beijingDay(at: Date): Day {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

/** The last millisecond of a Beijing day: a deadline day is met until midnight Beijing time. */
export function endOfBeijingDay(day: Day): Date {
  return new Date(Date.parse(`${day}T23:59:59.999+08:00`))
}

/** 09:00 Beijing time on `day` (when the daily reminders run). */
export function beijingTime(day: Day, hhmm: string): Date {
  return new Date(Date.parse(`${day}T${hhmm}:00+08:00`))
}

export function isDay(value: string): value is Day {
  return DAY_PATTERN.test(value) && dayjs(value).format('YYYY-MM-DD') === value
}

// Calendar days as UTC midnights: plain arithmetic with no time zone, and cheap. A deadline
// counts days one by one, so the inbox's 20 rows may step through thousands of them per request
// (dayjs parsing and formatting each step cost tens of milliseconds there).
const DAY_MS = 24 * 3600 * 1000
const utcMidnight = (day: Day): number => Date.parse(`${day}T00:00:00Z`)

export const addDays = (day: Day, n: number): Day => new Date(utcMidnight(day) + n * DAY_MS).toISOString().slice(0, 10)
export const yearOf = (day: Day): number => Number(day.slice(0, 4))
/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: Day): number => new Date(utcMidnight(day)).getUTCDay()
