import fc from 'fast-check'

/** The JSON Schema subset our TypeBox schemas emit into the OpenAPI document. */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  default?: unknown
  title?: string
}

/** Ids the world knows about, so generated ids hit real rows (own, others', another bureau's) as well as none. */
export interface IdPool {
  ids: string[]
}

const line = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'城关镇市场监管食品安全检查 abcXYZ0123-_.，。！😀'.split(/(?:)/u)), minLength: min, maxLength: max })
const text = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'留言内容答复说明\n\r\t abc123，。😀'.split(/(?:)/u)), minLength: min, maxLength: max })

function stringArbitrary(s: JsonSchema, pool: IdPool): fc.Arbitrary<string> {
  const min = s.minLength ?? 0
  const max = Math.min(s.maxLength ?? 40, Math.max(min, 60))
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity))
  switch (s.format) {
    case 'uuid':
      return pool.ids.length ? fc.oneof(fc.constantFrom(...pool.ids), fc.uuid()) : fc.uuid()
    case 'date-time':
      return fc
        .date({ min: new Date('1900-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString())
    case 'date':
      return fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
    case 'text':
      return text(min, max)
    default:
      return line(min, max)
  }
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e6)
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e6)
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
}

/** A value that satisfies the schema: the starting point every mutation breaks. */
export function arbitraryFor(s: JsonSchema | undefined, pool: IdPool): fc.Arbitrary<unknown> {
  if (!s) return fc.constant(undefined)
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const branches = s.anyOf ?? s.oneOf
  if (branches) return fc.oneof(...branches.map((b) => arbitraryFor(b, pool)))
  if (s.allOf) {
    // TypeBox intersections of objects: merge their properties.
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] }
    for (const part of s.allOf) {
      Object.assign(merged.properties!, part.properties)
      merged.required!.push(...(part.required ?? []))
    }
    return arbitraryFor(merged, pool)
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type
  switch (type) {
    case 'string':
      return stringArbitrary(s, pool)
    case 'integer':
      return numberArbitrary(s, true)
    case 'number':
      return numberArbitrary(s, false)
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(arbitraryFor(s.items, pool), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 5, 5) })
    case 'object': {
      const props = s.properties ?? {}
      const required = new Set(s.required ?? [])
      const record: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [k, v] of Object.entries(props)) record[k] = arbitraryFor(v, pool)
      return fc.record(record, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) })
    }
    default:
      return fc.anything()
  }
}

/** Every string-typed leaf path of a schema (for aiming mutations at text fields). */
export function leafPaths(s: JsonSchema | undefined, prefix: string[] = []): { path: string[]; schema: JsonSchema }[] {
  if (!s) return []
  const out: { path: string[]; schema: JsonSchema }[] = []
  if (s.properties) for (const [k, v] of Object.entries(s.properties)) out.push(...leafPaths(v, [...prefix, k]))
  for (const part of s.allOf ?? []) out.push(...leafPaths(part, prefix))
  for (const branch of s.anyOf ?? s.oneOf ?? []) if (branch.type !== 'null') out.push(...leafPaths(branch, prefix))
  if (s.items) out.push(...leafPaths(s.items, [...prefix, '0']))
  if (!s.properties && !s.allOf && !s.anyOf && !s.oneOf && !s.items) out.push({ path: prefix, schema: s })
  return out
}
