import fc from 'fast-check'
import type { InjectOptions } from 'fastify'
import { arbitraryFor, leafPaths, type IdPool, type JsonSchema } from './schema-arbitrary'
import type { Identity } from './world'
import { ROLES } from '../../domain/roles'

/** One operation of the OpenAPI document, as the fuzzer needs it. */
export interface Operation {
  method: string
  /** OpenAPI path, e.g. /api/items/{id}. */
  path: string
  pathParams: { name: string; schema: JsonSchema }[]
  query: { name: string; schema: JsonSchema; required: boolean }[]
  body?: JsonSchema
  /** Routes that take a body but declare no JSON schema for it (uploads): fuzzed with multipart. */
  takesUpload: boolean
}

export function operationsOf(doc: any): Operation[] {
  const ops: Operation[] = []
  for (const [path, methods] of Object.entries<any>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<any>(methods)) {
      const params = op.parameters ?? []
      const body = op.requestBody?.content?.['application/json']?.schema
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p: any) => p.in === 'path').map((p: any) => ({ name: p.name, schema: p.schema })),
        query: params.filter((p: any) => p.in === 'query').map((p: any) => ({ name: p.name, schema: p.schema, required: !!p.required })),
        body,
        takesUpload: !body && ['POST', 'PUT', 'PATCH'].includes(method.toUpperCase())
      })
    }
  }
  return ops
}

/** A request before it is sent: structured, so mutations can aim at one part. */
export interface Draft {
  identity: Identity | 'garbage-token' | 'bad-subject-token'
  params: Record<string, string>
  query: Record<string, string | string[]>
  headers: Record<string, string>
  body?: unknown
  raw?: string | Buffer
  /** Which mutation made it: reported with findings. */
  label: string
}

export interface Inputs {
  pool: IdPool
  /** Upload bodies (valid, truncated, bomb, …) prepared once: sharp is slow. */
  uploads: { label: string; payload: Buffer; contentType: string }[]
}

// —— Values that break things ————————————————————————————————————————————————

const EVIL_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0008',
  '\u001b[31m红色',
  '\u007f',
  '\u0085\u009f',
  '\ud800',
  'x\udc00',
  '\udfff\ud800',
  '😀'.slice(0, 1),
  '\u202e反转',
  '\ufeff',
  '\ufffe\uffff',
  '\u200b\u200d',
  '\r\n',
  '\t',
  ' ',
  '',
  "'; DROP TABLE item; --",
  '%00',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '__proto__',
  '𠀀𪚥'
]
const ODD_UUIDS = (real: string) => [
  `urn:uuid:${real}`,
  `{${real}}`,
  real.toUpperCase(),
  real.replace(/-/g, ''),
  '-'.repeat(36),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  real + '0',
  real.slice(1),
  ` ${real}`,
  `${real}\u0000`,
  real.replace(/^./, 'g'),
  '0',
  '1',
  ''
]
const ODD_DATES = [
  '2016-12-31T23:59:60Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1899-12-31T23:59:59Z',
  '10000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-11-25T24:00:00Z',
  '2026-11-25T02:00:00',
  '2026-11-25 02:00:00Z',
  '2026-11-25T02:00:00+24:00',
  '2026-11-25T02:00:00.1234567890Z',
  '2026-11-25',
  '0',
  '1',
  'now',
  'infinity',
  '-infinity',
  'epoch',
  'allballs',
  '2026-02-29',
  '2024-02-30',
  '1899-12-31',
  '0000-00-00',
  '99999-01-01'
]
const WRONG_TYPES: unknown[] = [0, -1, 1.5, 1e308, -1e308, true, false, null, [], {}, [null], { a: 1 }, '0', 'true']

function garbageCursors(ids: string[]): fc.Arbitrary<string> {
  const enc = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url')
  const id = ids[0] ?? '0f8fad5b-d9cb-469f-a165-70867728950e'
  return fc.oneof(
    fc.constantFrom('0', '1', '-', '_', 'AAAA', enc([]), enc(null), enc({ t: 1 }), enc(['0', id]), enc(['1', id]), enc(['+275760-09-13T00:00:00Z', id]), enc(['2026-11-25T02:00:00.000000Z', '-'.repeat(36)]), enc(['2016-12-31T23:59:60.000000Z', id]), enc(['2026-11-25T02:00:00.000000Z', id.toUpperCase()]), enc(['2026-11-25T02:00:00.000000Z', id, 'x']), enc(['\u0000', id])),
    fc.string({ unit: fc.constantFrom(...'ABCxyz019-_'.split('')), minLength: 1, maxLength: 200 }),
    fc.tuple(fc.constantFrom(...ODD_DATES), fc.constantFrom(...ODD_UUIDS(id))).map(enc),
    fc.string({ minLength: 1, maxLength: 300 })
  )
}

// —— Drafts ——————————————————————————————————————————————————————————————————

function setAt(value: unknown, path: string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf
  const [head, ...rest] = path
  const base: any = value && typeof value === 'object' ? (Array.isArray(value) ? [...value] : { ...value }) : {}
  base[head!] = setAt(base[head!], rest, leaf)
  return base
}

function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
}

function multipartBody(parts: { name: string; filename?: string; type?: string; data: Buffer | string }[], boundary: string) {
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`), Buffer.from(p.data), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return Buffer.concat(chunks)
}

const IDENTITIES: Draft['identity'][] = ['anonymous', ...ROLES, 'garbage-token', 'bad-subject-token']

/** A valid-from-schema request for the operation, then at most one deliberate break. */
export function draftArbitrary(op: Operation, inputs: Inputs, allowedRoles: readonly string[] = ROLES): fc.Arbitrary<Draft> {
  const { pool } = inputs
  const realId = pool.ids[0] ?? '0f8fad5b-d9cb-469f-a165-70867728950e'
  const params = fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, arbitraryFor(p.schema, pool).map(String)])) as Record<string, fc.Arbitrary<string>>)
  const query = fc.record(
    Object.fromEntries(op.query.map((q) => [q.name, arbitraryFor(q.schema, pool).map(String)])) as Record<string, fc.Arbitrary<string>>,
    { requiredKeys: op.query.filter((q) => q.required).map((q) => q.name) }
  )
  const body = op.body ? arbitraryFor(op.body, pool) : fc.constant(undefined)
  // Roles the route lets in get most of the requests (found by probing, see api-fuzz.test.ts).
  const allowed = ROLES.filter((r) => allowedRoles.includes(r))
  const identity = fc.oneof(
    { weight: allowed.length ? 3 * ROLES.length : 0, arbitrary: fc.constantFrom(...(allowed.length ? allowed : ROLES)) },
    { weight: ROLES.length, arbitrary: fc.constantFrom(...ROLES) },
    { weight: 2, arbitrary: fc.constantFrom(...IDENTITIES) }
  )
  const base = fc.record({ identity, params, query, body }).map(
    (d): Draft => {
      // An upload route's unbroken request is a valid photo upload.
      const upload = op.takesUpload ? inputs.uploads[0] : undefined
      return { ...d, headers: upload ? { 'content-type': upload.contentType } : {}, ...(upload ? { raw: upload.payload } : {}), label: 'valid' }
    }
  )
  const leaves = leafPaths(op.body)

  type Mutation = fc.Arbitrary<(d: Draft) => Draft>
  const m = (label: string, f: (d: Draft) => Draft): ((d: Draft) => Draft) => (d) => ({ ...f(d), label })
  const mutations: Mutation[] = [fc.constant((d: Draft) => d)]

  if (op.body) {
    const topKeys = Object.keys(op.body.properties ?? {})
    const stringLeaves = leaves.filter((l) => l.schema.type === 'string')
    mutations.push(
      fc.tuple(fc.constantFrom(...(leaves.length ? leaves : [{ path: ['x'], schema: {} }])), fc.constantFrom(...WRONG_TYPES)).map(([l, v]) => m(`wrong type at ${l.path.join('.')}`, (d) => ({ ...d, body: setAt(d.body, l.path, v) }))),
      fc.constantFrom(...(topKeys.length ? topKeys : ['x'])).map((k) => m(`missing ${k}`, (d) => ({ ...d, body: Object.fromEntries(Object.entries((d.body as object) ?? {}).filter(([key]) => key !== k)) }))),
      fc.constantFrom('extra', 'constructor', 'prototype', '').map((k) => m(`extra field ${k}`, (d) => ({ ...d, body: { ...(d.body as object), [k]: 1 } }))),
      fc.constantFrom<unknown>(null, [], 'text', 123, true, {}, [{}]).map((v) => m(`body ${JSON.stringify(v)}`, (d) => ({ ...d, body: v }))),
      fc.constantFrom(
        '{',
        '{"a":',
        '',
        'null',
        '\u0000',
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"admin":true}}}',
        '\ufeff{}',
        '[1,2',
        '{"a":1,"a":2}',
        '"\\ud800"',
        deepJson(50_000, 'array'),
        deepJson(30_000, 'object'),
        '{"a":"' + 'x'.repeat(1_100_000) + '"}'
      ).map((raw) => m(`raw body ${raw.slice(0, 24)}`, (d) => ({ ...d, raw, headers: { ...d.headers, 'content-type': 'application/json' } })))
    )
    if (stringLeaves.length) {
      mutations.push(
        fc.tuple(fc.constantFrom(...stringLeaves), fc.constantFrom(...EVIL_STRINGS), fc.constantFrom('alone', 'prefix', 'suffix')).map(([l, evil, where]) =>
          m(`evil string at ${l.path.join('.')}: ${JSON.stringify(evil).slice(0, 20)}`, (d) => ({ ...d, body: setAt(d.body, l.path, where === 'alone' ? evil : where === 'prefix' ? evil + '内容' : '内容' + evil) }))
        ),
        fc.tuple(fc.constantFrom(...stringLeaves), fc.constantFrom(-1, 0, 1, 'huge' as const)).map(([l, delta]) => {
          const max = l.schema.maxLength ?? 100
          const min = l.schema.minLength ?? 0
          const len = delta === 'huge' ? 300_000 : delta === -1 ? Math.max(0, min - 1) : delta === 0 ? max : max + 1
          return m(`length ${len} at ${l.path.join('.')}`, (d) => ({ ...d, body: setAt(d.body, l.path, '长'.repeat(len)) }))
        }),
        fc.tuple(fc.constantFrom(...stringLeaves), fc.constantFrom(...ODD_UUIDS(realId), ...ODD_DATES, ...pool.ids.slice(0, 3))).map(([l, v]) =>
          m(`odd value at ${l.path.join('.')}: ${v}`, (d) => ({ ...d, body: setAt(d.body, l.path, v) }))
        )
      )
    }
    mutations.push(
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/xml', 'multipart/form-data', 'multipart/form-data; boundary=x', '', 'application/json\u0000').map((ct) =>
        m(`content-type ${ct}`, (d) => ({ ...d, raw: JSON.stringify(d.body ?? {}), headers: { ...d.headers, 'content-type': ct } }))
      )
    )
  }

  if (op.takesUpload || op.body) {
    mutations.push(
      fc.constantFrom(...inputs.uploads).map((u) => m(`upload ${u.label}`, (d) => ({ ...d, raw: u.payload, headers: { ...d.headers, 'content-type': u.contentType } })))
    )
  }

  for (const p of op.pathParams) {
    mutations.push(
      fc.constantFrom(...ODD_UUIDS(realId), ...EVIL_STRINGS.filter((s) => s !== ''), 'x'.repeat(5000)).map((v) => m(`path ${p.name}=${JSON.stringify(v).slice(0, 30)}`, (d) => ({ ...d, params: { ...d.params, [p.name]: v } })))
    )
  }

  if (op.query.length || op.method === 'GET') {
    const names = op.query.map((q) => q.name)
    mutations.push(
      fc.tuple(fc.constantFrom(...(names.length ? names : ['q'])), fc.oneof(fc.constantFrom('', '0', '-1', '1e3', '1e309', 'NaN', 'abc', '1.5', '101', '\u0000', '%', ...ODD_DATES, ...EVIL_STRINGS), fc.string({ maxLength: 50 }))).map(([k, v]) =>
        m(`query ${k}=${JSON.stringify(v).slice(0, 30)}`, (d) => ({ ...d, query: { ...d.query, [k]: v } }))
      ),
      fc.constantFrom(...(names.length ? names : ['q'])).map((k) => m(`query ${k} repeated`, (d) => ({ ...d, query: { ...d.query, [k]: ['1', '2'] } }))),
      fc.constant(m('unknown query parameter', (d) => ({ ...d, query: { ...d.query, zz: '1' } })))
    )
    if (names.includes('cursor')) {
      mutations.push(garbageCursors(pool.ids).map((c) => m(`cursor ${c.slice(0, 30)}`, (d) => ({ ...d, query: { ...d.query, cursor: c } }))))
    }
  }

  mutations.push(
    fc.constantFrom('Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic YWRtaW46YWRtaW4=', 'bearer ' + 'x'.repeat(9000), 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'Bearer \u00e9').map((a) =>
      m(`authorization ${a.slice(0, 20)}`, (d) => ({ ...d, identity: 'anonymous', headers: { ...d.headers, authorization: a } }))
    )
  )

  // Half the requests unbroken, so the routes' success paths (and their database writes) are
  // exercised as hard as their refusals.
  const unbroken = { weight: mutations.length - 1, arbitrary: mutations[0]! }
  return fc.tuple(base, fc.oneof(unbroken, ...mutations.slice(1).map((arbitrary) => ({ weight: 1, arbitrary })))).map(([d, f]) => f(d))
}

/** Builds the inject call for a draft. */
// Lone surrogates cannot be percent-encoded; a client's UTF-8 encoder would send U+FFFD.
const enc = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))

export function toInject(op: Operation, d: Draft, token: (identity: Draft['identity']) => string | undefined): InjectOptions {
  let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => enc(d.params[name] ?? ''))
  const qs: string[] = []
  for (const [k, v] of Object.entries(d.query)) for (const one of Array.isArray(v) ? v : [v]) qs.push(`${enc(k)}=${enc(one)}`)
  if (qs.length) url += '?' + qs.join('&')
  const headers: Record<string, string> = { ...d.headers }
  const t = token(d.identity)
  if (t && !headers.authorization) headers.authorization = `Bearer ${t}`
  let payload: string | Buffer | undefined = d.raw
  if (payload === undefined && d.body !== undefined && op.method !== 'GET') {
    payload = JSON.stringify(d.body)
    headers['content-type'] ??= 'application/json'
  }
  // Each request from its own address: the per-address login limits must not hide routes behind 429s.
  const remoteAddress = `10.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}`
  return { method: op.method as InjectOptions['method'], url, headers, ...(payload !== undefined ? { payload } : {}), remoteAddress }
}

/** Upload bodies: valid and broken images, broken multipart framing. */
export function uploadInputs(images: { png: Buffer; jpeg: Buffer; bomb: Buffer }) {
  const b = 'fuzzboundary' + Date.now().toString(16)
  const ct = `multipart/form-data; boundary=${b}`
  const file = (data: Buffer | string, filename = 'a.png', type = 'image/png') => multipartBody([{ name: 'file', filename, type, data }], b)
  const valid = file(images.png)
  return [
    { label: 'valid png', payload: valid, contentType: ct },
    { label: 'valid jpeg', payload: file(images.jpeg, 'a.jpg', 'image/jpeg'), contentType: ct },
    { label: 'truncated png', payload: file(images.png.subarray(0, Math.floor(images.png.length / 2))), contentType: ct },
    { label: 'truncated jpeg', payload: file(images.jpeg.subarray(0, 300), 'a.jpg', 'image/jpeg'), contentType: ct },
    { label: 'png bomb', payload: file(images.bomb), contentType: ct },
    { label: 'garbage bytes', payload: file(Buffer.from('not an image at all \u0000\u0001')), contentType: ct },
    { label: 'svg with script', payload: file('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'a.svg', 'image/svg+xml'), contentType: ct },
    { label: 'gif header', payload: file(Buffer.from('GIF89a\u0001\u0000\u0001\u0000')), contentType: ct },
    { label: 'empty file', payload: file(Buffer.alloc(0)), contentType: ct },
    { label: 'no boundary', payload: valid, contentType: 'multipart/form-data' },
    { label: 'mismatched boundary', payload: valid, contentType: 'multipart/form-data; boundary=other' },
    { label: 'empty boundary', payload: valid, contentType: 'multipart/form-data; boundary=' },
    { label: 'boundary too long', payload: valid, contentType: `multipart/form-data; boundary=${'x'.repeat(300)}` },
    { label: 'cut off', payload: valid.subarray(0, 100), contentType: ct },
    { label: 'no closing boundary', payload: valid.subarray(0, valid.length - b.length - 6), contentType: ct },
    { label: 'wrong field name', payload: multipartBody([{ name: 'photo', filename: 'a.png', type: 'image/png', data: images.png }], b), contentType: ct },
    { label: 'text field only', payload: multipartBody([{ name: 'file', data: 'hello' }], b), contentType: ct },
    { label: 'two files', payload: multipartBody([{ name: 'file', filename: 'a.png', type: 'image/png', data: images.png }, { name: 'file', filename: 'b.png', type: 'image/png', data: images.png }], b), contentType: ct },
    { label: 'many fields', payload: multipartBody(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: 'x' })), b), contentType: ct },
    { label: '__proto__ field', payload: multipartBody([{ name: '__proto__', data: 'x' }, { name: 'file', filename: 'a.png', type: 'image/png', data: images.png }], b), contentType: ct },
    { label: 'NUL in filename', payload: file(images.png, 'a\u0000.png'), contentType: ct },
    { label: 'garbage headers', payload: Buffer.concat([Buffer.from(`--${b}\r\n${'X'.repeat(20000)}\r\n\r\n`), images.png, Buffer.from(`\r\n--${b}--\r\n`)]), contentType: ct },
    { label: 'json as multipart', payload: Buffer.from('{"a":1}'), contentType: ct }
  ]
}
