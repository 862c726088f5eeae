import { Type } from 'typebox'

/**
 * The one set of string formats every request schema uses. Each means what PostgreSQL means:
 * a value that passes is one the database stores (and compares) without an error, so no input
 * that validation lets through can turn into a 500 further down.
 *
 * The server's validator registers these checks under the format names below (overriding
 * ajv-formats' looser `uuid` and `date-time`); the OpenAPI document shows the same names.
 */

/**
 * Characters refused in every text field:
 * - NUL: PostgreSQL `text` cannot hold it (the insert fails).
 * - Lone UTF-16 surrogates: not Unicode; UTF-8 encoding silently turns them into U+FFFD, so what
 *   is stored would not be what was sent.
 * - The other C0 controls except TAB, LF and CR, and U+FFFE/U+FFFF: PostgreSQL stores them, but
 *   XML 1.0 forbids them, and what is stored here ends up in Word/XML exports and in the
 *   mini-program's rich text. No keyboard types them; they arrive only by accident or on purpose.
 * C1 controls and other invisible characters are valid XML and stay allowed.
 */
const NOT_STORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** Single-line fields (names, titles, addresses, codes) also refuse TAB, LF and CR. */
const LINE_BREAKING = /[\t\n\r]/

export function isStorableText(s: string): boolean {
  return !NOT_STORABLE.test(s)
}

export function isStorableLine(s: string): boolean {
  return !NOT_STORABLE.test(s) && !LINE_BREAKING.test(s)
}

/**
 * Canonical form only: lowercase hex, hyphenated, as PostgreSQL prints and crypto.randomUUID()
 * makes. PostgreSQL refuses `urn:uuid:` (a 500 before this format) and reads braces and
 * uppercase; accepting one spelling means one id has one string, so comparisons in JavaScript
 * (ownership checks, Sets, cache keys) agree with the database's.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function isCanonicalUuid(s: string): boolean {
  return UUID.test(s)
}

/**
 * RFC 3339 date-time (`T` separator, explicit `Z` or ±hh:mm offset) that PostgreSQL's
 * timestamptz accepts and JavaScript's Date reads identically: years 1900–9999, real calendar
 * days, seconds 00–59 (PostgreSQL refuses a leap second :60), at most microseconds (what the
 * database keeps), offsets within the real-world ±14:00.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/
export const DATE_TIME_MIN_YEAR = 1900
export const DATE_TIME_MAX_YEAR = 9999

export function isPgDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s)
  if (!m) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  if (year < DATE_TIME_MIN_YEAR || year > DATE_TIME_MAX_YEAR) return false
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false
  if (hour > 23 || minute > 59 || second > 59) return false
  if (m[7] && (Number(m[8]) > 14 || Number(m[9]) > 59 || (Number(m[8]) === 14 && Number(m[9]) > 0))) return false
  return true
}

/** A calendar day, YYYY-MM-DD, that PostgreSQL's `date` accepts: same years and real days as above. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isPgDate(s: string): boolean {
  const m = DATE.exec(s)
  if (!m) return false
  const [year, month, day] = m.slice(1, 4).map(Number) as [number, number, number]
  return year >= DATE_TIME_MIN_YEAR && year <= DATE_TIME_MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** Format name → check, for the validator (server/http/validation.ts) and the fuzz suite. */
export const FORMATS = {
  text: isStorableText,
  line: isStorableLine,
  uuid: isCanonicalUuid,
  'date-time': isPgDateTime,
  date: isPgDate
} as const
export type FormatName = keyof typeof FORMATS

type StringOptions = Parameters<typeof Type.String>[0]

/** Multi-line text a person writes: message bodies, replies, notes. */
export const Text = (options: StringOptions = {}) => Type.String({ ...options, format: 'text' })
/** Single-line text: names, titles, addresses, topics, codes. */
export const Line = (options: StringOptions = {}) => Type.String({ ...options, format: 'line' })
export const Uuid = (options: StringOptions = {}) => Type.String({ ...options, format: 'uuid' })
export const DateTime = (options: StringOptions = {}) => Type.String({ ...options, format: 'date-time' })
export const DateOnly = (options: StringOptions = {}) => Type.String({ ...options, format: 'date' })

/**
 * An opaque page cursor: base64url, as server/http/cursor.ts encodes it. The schema checks the
 * alphabet only; the decoder there accepts exactly what its encoder produces (anything else is
 * a 400 asking to reload from the first page).
 */
export const CursorSchema = Type.String({ minLength: 1, maxLength: 300, pattern: '^[A-Za-z0-9_-]+$', title: '翻页游标' })
