import { isCanonicalUuid, isPgDate } from '../../domain/schemas/formats'
import { InvalidError } from '../../domain/errors'

/**
 * Opaque keyset cursors: base64url of a JSON array `[tag, ...values]`. Decoding is exactly as
 * strict as encoding: only the canonical encoding of a well-formed value list of the expected
 * shape is accepted, anything else is one 400 (never a database error, never a silent page 1).
 */
export type CursorPart = 'timestamp' | 'timestamp_or_infinity' | 'smallint' | 'uuid'
export type CursorValue = string | number

// The form PostgreSQL's to_json() gives a timestamptz: exact to the microsecond, with an offset.
const TIMESTAMP = /^(19|[2-9]\d)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/
const BASE64URL = /^[A-Za-z0-9_-]+$/

export const invalidCursor = () => new InvalidError('翻页游标无效，请从第一页重新加载', 'cursor', 'bad_cursor')

export function encodeCursor(tag: string, values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([tag, ...values]), 'utf8').toString('base64url')
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
