import { isCanonicalUuid, isPgDate, isPgDateTime, isStorableLine, isStorableText } from '../../domain/schemas/formats'

describe('domain formats', () => {
  it('text: refuses what PostgreSQL or an XML export cannot hold, keeps what people type', () => {
    for (const bad of ['\u0000', 'a\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001f', '\ud800', 'x\udc00', '\udc00\ud800', '\ufffe', '\uffff']) expect({ bad, ok: isStorableText(bad) }).toEqual({ bad, ok: false })
    for (const good of ['', '第一行\n第二行', 'a\tb\r\n', '😀', '𠀀', '\u0085', '\u200b', '\u202e', '\ufeff']) expect({ good, ok: isStorableText(good) }).toEqual({ good, ok: true })
  })
  it('line: as text, and no line breaks or tabs', () => {
    expect(isStorableLine('城关镇 农贸市场')).toBe(true)
    for (const bad of ['a\nb', 'a\rb', 'a\tb', 'a\u0000']) expect(isStorableLine(bad)).toBe(false)
  })
  it('uuid: canonical lowercase only', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e'
    expect(isCanonicalUuid(id)).toBe(true)
    for (const bad of [`urn:uuid:${id}`, `{${id}}`, id.toUpperCase(), id.replace(/-/g, ''), '-'.repeat(36), id + '\n', ` ${id}`]) expect(isCanonicalUuid(bad)).toBe(false)
  })
  it('date-time: RFC 3339 within 1900–9999, real days, no leap second, ≤ µs, offsets ≤ ±14:00', () => {
    for (const good of ['2026-11-25T02:00:00Z', '2026-11-25T02:00:00.123456+08:00', '2024-02-29T23:59:59-14:00', '1900-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-11-25t02:00:00z'])
      expect({ good, ok: isPgDateTime(good) }).toEqual({ good, ok: true })
    for (const bad of ['2016-12-31T23:59:60Z', '1899-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', '2023-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-11-25T24:00:00Z', '2026-11-25T02:00:00', '2026-11-25 02:00:00Z', '2026-11-25T02:00:00.1234567Z', '2026-11-25T02:00:00+14:01', '2026-11-25T02:00:00+15:00', '0', '1', ''])
      expect({ bad, ok: isPgDateTime(bad) }).toEqual({ bad, ok: false })
  })
  it('date: real calendar days', () => {
    expect(isPgDate('2024-02-29')).toBe(true)
    for (const bad of ['2023-02-29', '2026-13-01', '2026-00-01', '0000-01-01', '10000-01-01', '2026-1-1']) expect(isPgDate(bad)).toBe(false)
  })
})
