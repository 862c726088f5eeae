import { createHash } from 'node:crypto'
import { isCanonicalUuid, isPgDate, isStorableText } from '../../domain/schemas/formats'
import { InvalidError } from '../../domain/errors'

/**
 * Opaque keyset cursors: base64url of a JSON array `[tag, ...values]`. Decoding is exactly as
 * strict as encoding: only the canonical encoding of a well-formed value list of the expected
 * shape is accepted, anything else is one 400 (never a database error, never a silent page 1).
 */
export type CursorPart = 'timestamp' | 'timestamp_or_infinity' | 'smallint' | 'uuid' | 'text'
export type CursorValue = string | number

// The form PostgreSQL's to_json() gives a timestamptz: exact to the microsecond, with an offset.
const TIMESTAMP = /^(19|[2-9]\d)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/
const BASE64URL = /^[A-Za-z0-9_-]+$/
/**
 * A text key (a name) in code points. A sort on text sorts on a prefix of this length
 * (`left(name, 32)`), so its cursor stays short whatever is stored: 32 characters of four UTF-8
 * bytes each, a tag and a uuid encode to about 260 characters, within CursorSchema's 300.
 */
export const CURSOR_TEXT_MAX = 32

export const invalidCursor = () => new InvalidError('翻页游标无效，请从第一页重新加载', 'cursor', 'bad_cursor')

/**
 * A tag that names the list and the filter a cursor was made under (a short hash of the filter's
 * values): the cursor of one search handed to another is refused like a forged one, instead of
 * silently starting the other list somewhere in the middle.
 */
export function filterTag(list: string, filter: Record<string, string | number | boolean | null | undefined>): string {
  // An absent value is left out, so it differs from an explicit null (which may mean "none").
  const canonical = JSON.stringify(
    Object.keys(filter)
      .filter((k) => filter[k] !== undefined)
      .sort()
      .map((k) => [k, filter[k]])
  )
  return `${list}.${createHash('sha256').update(canonical).digest('base64url').slice(0, 12)}`
}

export function encodeCursor(tag: string, values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([tag, ...values]), 'utf8').toString('base64url')
}

/**
 * A keyset page from rows read with one more than `limit`: that extra row only says there is a
 * next page, whose cursor is the key of the last row shown.
 */
export function keysetPage<R>(rows: readonly R[], limit: number, tag: string, keyOf: (last: R) => readonly CursorValue[]): { rows: R[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit)
  const last = shown[shown.length - 1]
  return { rows: shown, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(tag, keyOf(last)) : null }
}

function valid(part: CursorPart, v: unknown): boolean {
  switch (part) {
    case 'timestamp_or_infinity':
      if (v === 'infinity') return true
    // falls through
    case 'timestamp':
      // isPgDate: JavaScript's Date.parse rolls 30 February over to March; PostgreSQL refuses it.
      return typeof v === 'string' && TIMESTAMP.test(v) && isPgDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v))
    case 'smallint':
      return typeof v === 'number' && Number.isInteger(v) && v >= -32768 && v <= 32767
    case 'uuid':
      return typeof v === 'string' && isCanonicalUuid(v)
    case 'text':
      // isStorableText: no NUL (PostgreSQL's text refuses it: a 500) and no lone surrogates.
      return typeof v === 'string' && [...v].length <= CURSOR_TEXT_MAX && isStorableText(v)
  }
}

export function decodeCursor(raw: string, tag: string, shape: readonly CursorPart[]): CursorValue[] {
  if (!BASE64URL.test(raw)) throw invalidCursor()
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
  } catch {
    throw invalidCursor()
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length + 1 || parsed[0] !== tag) throw invalidCursor()
  const values = parsed.slice(1) as CursorValue[]
  if (!shape.every((part, i) => valid(part, values[i]))) throw invalidCursor()
  // Only the exact bytes we would have produced: no padding variants, no re-spaced JSON.
  if (encodeCursor(tag, values) !== raw) throw invalidCursor()
  return values
}
