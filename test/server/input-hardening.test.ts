// Each class of input that used to pass validation and then fail in PostgreSQL or a parser
// (a 500): now a 4xx with a Chinese message, and nothing stored.
import type { InjectOptions } from 'fastify'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { multipart } from '../helpers/multipart'
import { png } from '../helpers/images'
import { encodeCursor } from '../../server/http/cursor'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let citizen: SessionView
let officer: SessionView
let staff: SessionView
let admin: SessionView
let messageId: string
beforeAll(async () => {
  t = await createTestApp()
  citizen = await t.login('citizen', '加固群众')
  officer = await t.login('officer', '加固干部')
  staff = await t.login('staff', '加固宣传')
  admin = await t.login('admin', '加固管理员')
  // The cases below carry a topic: an officer's topics must be the bureau's active ones of the year.
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
  expect((await t.app.inject({ method: 'POST', url: '/api/admin/topics', headers: bearer(admin), payload: { name: '食品安全', year } })).statusCode).toBe(201)
  const m = await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category: 'question', body: '营业时间？' } })
  messageId = m.json().id
}, 120_000)
afterAll(() => t.close())

type Inject = InjectOptions
async function expect4xx(req: Inject, status = 400) {
  const res = await t.app.inject(req)
  expect({ status: res.statusCode, body: res.body }).toEqual({ status, body: expect.any(String) })
  const body = res.json()
  expect(body.message).toMatch(/[\u4e00-\u9fff]/)
  return body as { error: string; message: string }
}

const NUL = 'a\u0000b'
const URN = (id: string) => `urn:uuid:${id}`
const caseBody = (over: Record<string, unknown> = {}) => ({
  clientId: 'hardening-' + Math.random().toString(36).slice(2, 10),
  title: '检查',
  body: '内容',
  occurredAt: '2026-11-25T02:00:00.000Z',
  place: { address: '城关镇' },
  topics: ['食品安全'],
  mediaIds: [],
  ...over
})

describe('NUL in every text field is a 400 that names the field', () => {
  const cases: [string, () => Inject, RegExp][] = [
    ['login username', () => ({ method: 'POST', url: '/api/auth/password', payload: { username: NUL, password: 'x' } }), /用户名/],
    ['login password', () => ({ method: 'POST', url: '/api/auth/password', payload: { username: 'admin', password: NUL } }), /密码/],
    ['dev-login name', () => ({ method: 'POST', url: '/api/auth/dev', payload: { role: 'citizen', name: NUL } }), /姓名/],
    ['wechat code', () => ({ method: 'POST', url: '/api/auth/wechat', payload: { code: NUL } }), /code/],
    ['message body', () => ({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category: 'question', body: NUL } }), /留言内容/],
    ['message clientId', () => ({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category: 'question', body: 'x', clientId: 'abcdefgh' + NUL } }), /提交编号/],
    ['case title', () => ({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload: caseBody({ title: NUL }) }), /标题/],
    ['case body', () => ({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload: caseBody({ body: NUL }) }), /事例内容/],
    ['case address', () => ({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload: caseBody({ place: { address: NUL } }) }), /地点/],
    ['case topic', () => ({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload: caseBody({ topics: [NUL] }) }), /重点主题/],
    ['reply body', () => ({ method: 'POST', url: `/api/items/${messageId}/reply`, headers: bearer(staff), payload: { body: NUL } }), /答复内容/],
    ['action note', () => ({ method: 'POST', url: `/api/items/${messageId}/actions`, headers: bearer(staff), payload: { action: 'accept', note: NUL } }), /说明/],
    ['invitation code', () => ({ method: 'POST', url: '/api/invitations/redeem', headers: bearer(citizen), payload: { code: 'abcdef' + NUL } }), /邀请码/]
  ]
  it.each(cases)('%s', async (_name, req, field) => {
    const body = await expect4xx(req())
    expect(body.message).toMatch(field)
    expect(body.message).toMatch(/无法保存的字符/)
  })

  it('lone surrogates and other control characters too; ordinary line breaks in bodies are kept', async () => {
    for (const body of ['\ud800x', 'x\udfff', '\u0007', '\u001b[31m'])
      await expect4xx({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category: 'question', body } })
    await expect4xx({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload: caseBody({ title: '两行\n标题' }) })
    const ok = await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category: 'question', body: '第一行\r\n第二行\t😀' } })
    expect(ok.statusCode).toBe(201)
  })
})

describe('UUIDs: canonical lowercase only', () => {
  it.each([
    ['urn:uuid: in a path', () => URN(messageId)],
    ['braces in a path', () => `{${messageId}}`],
    ['uppercase in a path', () => messageId.toUpperCase()],
    ['dash-only in a path', () => '-'.repeat(36)]
  ])('%s', async (_name, id) => {
    await expect4xx({ method: 'GET', url: `/api/items/${encodeURIComponent(id())}`, headers: bearer(staff) })
    await expect4xx({ method: 'POST', url: `/api/items/${encodeURIComponent(id())}/actions`, headers: bearer(staff), payload: { action: 'accept' } })
  })
  it('urn:uuid: in body ids', async () => {
    const upload = multipart([{ name: 'file', filename: 'a.png', contentType: 'image/png', data: await png(64, 64) }])
    const ok = await t.app.inject({ method: 'POST', url: '/api/media', headers: { ...bearer(officer), ...upload.headers }, payload: upload.payload })
    expect(ok.statusCode).toBe(201)
    const body = await expect4xx({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload: caseBody({ mediaIds: [URN(ok.json().id)] }) })
    expect(body.message).toMatch(/UUID/)
    await expect4xx({ method: 'POST', url: '/api/invitations', headers: bearer(admin), payload: { role: 'officer', departmentId: URN(ok.json().id) } })
  })
  it('urn:uuid: in a photo link', async () => {
    await expect4xx({ method: 'GET', url: `/api/media/${URN('0f8fad5b-d9cb-469f-a165-70867728950e')}/thumb?exp=1&sig=x` })
  })
})

describe('date-times PostgreSQL accepts', () => {
  it.each([
    ['a leap second', '2016-12-31T23:59:60Z'],
    ['year 0', '0000-01-01T00:00:00Z'],
    ['a six-digit year', '+275760-09-13T00:00:00Z'],
    ['no time zone', '2026-11-25T02:00:00'],
    ['30 February', '2024-02-30T00:00:00Z'],
    ['an offset beyond ±14:00', '2026-11-25T02:00:00+15:00'],
    ['nanoseconds', '2026-11-25T02:00:00.123456789Z'],
    ['a bare number', '1']
  ])('%s', async (_name, occurredAt) => {
    const body = await expect4xx({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload: caseBody({ occurredAt }) })
    expect(body.message).toMatch(/发生时间格式不正确/)
  })
  it('valid edge values are accepted', async () => {
    for (const occurredAt of ['2024-02-29T23:59:59.999999+08:00', '1900-01-01T00:00:00Z', '2026-11-25t02:00:00z']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload: caseBody({ occurredAt }) })
      expect({ occurredAt, status: res.statusCode }).toEqual({ occurredAt, status: 201 })
    }
  })
})

describe('calendar days PostgreSQL accepts', () => {
  it.each(['2026-02-30', '2026-13-01', '0000-01-01', '2026-00-10'])('%s', async (date) => {
    const body = await expect4xx({ method: 'PUT', url: '/api/admin/calendar/2026', headers: bearer(admin), payload: { holidays: [{ date, name: '元旦' }], workdays: [] } })
    expect(body.message).toMatch(/日期/)
  })
  it('NUL in a holiday name', async () => {
    await expect4xx({ method: 'PUT', url: '/api/admin/calendar/2026', headers: bearer(admin), payload: { holidays: [{ date: '2026-01-01', name: NUL }], workdays: [] } })
  })
})

describe('inbox cursors are decoded exactly as strictly as they are encoded', () => {
  const inbox = (cursor: string) => ({ method: 'GET' as const, url: `/api/inbox?cursor=${encodeURIComponent(cursor)}`, headers: bearer(staff) })
  // Tagged with the default sort, so each case reaches the value checks rather than the tag's.
  const raw = (v: unknown[]) => Buffer.from(JSON.stringify(['newest', ...v])).toString('base64url')
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e'
  it.each([
    ['time "0"', raw(['0', id])],
    ['time "1"', raw(['1', id])],
    ['time +275760', raw(['+275760-09-13T00:00:00Z', id])],
    ['a dash-only id', raw(['2026-11-25T02:00:00.000000Z', '-'.repeat(36)])],
    ['an uppercase id', raw(['2026-11-25T02:00:00.000000Z', id.toUpperCase()])],
    ['a leap second', raw(['2016-12-31T23:59:60.000000Z', id])],
    ['30 February', raw(['2026-02-30T00:00:00.000000Z', id])],
    ['year 1899', raw(['1899-12-31T00:00:00.000000Z', id])],
    ['an extra field', raw(['2026-11-25T02:00:00.000000Z', id, 1])],
    ['not base64url', '!!!'],
    ['padded base64', raw(['2026-11-25T02:00:00.000000Z', id]) + '=='],
    ['"0"', '0'],
    ['"1"', '1']
  ])('%s → 400', async (_name, cursor) => {
    await expect4xx(inbox(cursor))
  })
  it('a cursor the server made pages on; a hand-made canonical one is accepted', async () => {
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category: 'question', body: `翻页 ${i}` } })
    const first = (await t.app.inject({ method: 'GET', url: '/api/inbox?limit=2', headers: bearer(staff) })).json()
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await t.app.inject(inbox(first.nextCursor))
    expect(second.statusCode).toBe(200)
    expect(second.json().items[0].id).not.toBe(first.items[0].id)
    const made = await t.app.inject(inbox(encodeCursor('newest', ['2999-01-01T00:00:00.000000Z', id])))
    expect(made.statusCode).toBe(200)
  })
})

describe('parser errors', () => {
  const png64 = () => png(64, 64)
  it('multipart without a boundary', async () => {
    const { payload } = multipart([{ name: 'file', filename: 'a.png', contentType: 'image/png', data: await png64() }])
    const body = await expect4xx({ method: 'POST', url: '/api/media', headers: { ...bearer(officer), 'content-type': 'multipart/form-data' }, payload })
    expect(body.message).toMatch(/boundary|分隔/)
  })
  it('multipart with a mismatched boundary', async () => {
    const { payload } = multipart([{ name: 'file', filename: 'a.png', contentType: 'image/png', data: await png64() }])
    await expect4xx({ method: 'POST', url: '/api/media', headers: { ...bearer(officer), 'content-type': 'multipart/form-data; boundary=nope' }, payload })
  })
  it('multipart with a boundary longer than the parser searches for', async () => {
    const { payload } = multipart([{ name: 'file', filename: 'a.png', contentType: 'image/png', data: await png64() }])
    await expect4xx({ method: 'POST', url: '/api/media', headers: { ...bearer(officer), 'content-type': `multipart/form-data; boundary=${'x'.repeat(300)}` }, payload })
  })
  it('multipart cut off in the middle', async () => {
    const { payload, headers } = multipart([{ name: 'file', filename: 'a.png', contentType: 'image/png', data: await png64() }])
    await expect4xx({ method: 'POST', url: '/api/media', headers: { ...bearer(officer), ...headers }, payload: payload.subarray(0, 120) })
  })
  it('bad JSON, wrong content type, deep nesting', async () => {
    await expect4xx({ method: 'POST', url: '/api/messages', headers: { ...bearer(citizen), 'content-type': 'application/json' }, payload: '{"a":' })
    await expect4xx({ method: 'POST', url: '/api/messages', headers: { ...bearer(citizen), 'content-type': 'text/plain' }, payload: 'hello' }, 415)
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    await expect4xx({ method: 'POST', url: '/api/messages', headers: { ...bearer(citizen), 'content-type': 'application/json' }, payload: deep })
    const deepObject = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)
    await expect4xx({ method: 'POST', url: '/api/messages', headers: { ...bearer(citizen), 'content-type': 'application/json' }, payload: deepObject })
  })
})

describe('tokens', () => {
  it('a validly signed token whose subject is not a UUID is a 401', async () => {
    // A live session's id, so only the odd subject (or bureau) can be what refuses the token.
    const sid = t.app.jwt.decode<{ sid: string }>(admin.token)!.sid
    for (const sub of ['admin', URN(admin.user.id), admin.user.id.toUpperCase(), '']) {
      const token = t.app.jwt.sign({ sub, org: t.orgId, sid })
      await expect4xx({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } }, 401)
    }
    const token = t.app.jwt.sign({ sub: admin.user.id, org: 'not-a-uuid', sid })
    await expect4xx({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } }, 401)
  })
})

describe('every request schema uses the domain formats', () => {
  it('no string a client sends is unchecked (every one has a format, an enum, or a pattern)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const unchecked: string[] = []
    const walk = (s: any, where: string) => {
      if (!s || typeof s !== 'object') return
      if (s.type === 'string' && !s.enum && !s.const && !s.pattern && !['text', 'line', 'uuid', 'date-time', 'date'].includes(s.format)) unchecked.push(where)
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${where}.${k}`)
      if (s.items) walk(s.items, `${where}[]`)
      for (const key of ['anyOf', 'oneOf', 'allOf']) for (const [i, v] of (s[key] ?? []).entries()) walk(v, `${where}|${i}`)
    }
    for (const [path, ops] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        for (const p of op.parameters ?? []) walk(p.schema, `${method} ${path} ${p.in}:${p.name}`)
        for (const [type, c] of Object.entries<any>(op.requestBody?.content ?? {})) walk(c.schema, `${method} ${path} body(${type})`)
      }
    }
    expect(unchecked).toEqual([])
  })
})
