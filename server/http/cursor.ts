import { sql } from 'kysely'
import { isCanonicalUuid, isPgDateTime } from '../../domain/schemas/formats'
import { badRequest } from './errors'

/**
 * Keyset-pagination cursors, encoded and decoded here only. A cursor holds the last row's
 * (created_at, id): the time as PostgreSQL's own UTC text with microseconds (a JS Date would
 * lose them and pages would repeat or skip rows) and the canonical id.
 *
 * Decoding is exactly as strict as encoding: the text must be what `encodeCursor` would produce
 * for the values it contains, byte for byte. So anything else (a JavaScript-parsable date that
 * PostgreSQL refuses, a dash-only id, re-padded base64, extra fields) is a 400, never a query.
 */
export interface Cursor {
  t: string
  id: string
}

/** The select expression whose value goes into `t`: fixed format, independent of the session's TimeZone/DateStyle. */
export const cursorTime = (column: string) => sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.t, c.id])).toString('base64url')
}

export function decodeCursor(raw: string): Cursor {
  const c = parse(raw)
  if (!c || encodeCursor(c) !== raw) throw badRequest('翻页游标无效，请从第一页重新加载', 'bad_cursor')
  return c
}

function parse(raw: string): Cursor | null {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!Array.isArray(value) || value.length !== 2) return null
  const [t, id] = value
  if (typeof t !== 'string' || !TIME.test(t) || !isPgDateTime(t)) return null
  if (typeof id !== 'string' || !isCanonicalUuid(id)) return null
  return { t, id }
}
