import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { beijingDay, yearOf } from '../../domain/deadlines/day'
import type { SessionView } from '../../domain/schemas/auth'
import type { BatchAnswer } from '../../domain/schemas/triage'
import { COMPLAINT_EXTRAS } from '../helpers/message-fixtures'
import { LIMITS } from '../../domain/limits'
import { seedDepartmentItems, type SeedRow } from '../helpers/inbox-seed'

let t: TestApp
let staff: SessionView
let colleague: SessionView
let reviewer: SessionView
let officer: SessionView
let citizen: SessionView
let outsider: { token: string }
let serial = 0

beforeAll(async () => {
  t = await createTestApp()
  staff = await t.login('staff', '王五')
  colleague = await t.login('staff', '李四')
  reviewer = await t.login('reviewer', '审核甲')
  officer = await t.login('officer', '干部甲')
  citizen = await t.login('citizen', '群众甲')
  outsider = await t.loginElsewhere()
  // Tags come from the bureau's focus topics of this year (the admin's list).
  const year = yearOf(beijingDay(new Date()))
  await t.db.insertInto('topic').values(['井盖', '城区', '我的'].map((name) => ({ org_id: t.orgId, year, name }))).execute()
})
afterAll(() => t.close())

const post = (s: { token: string }, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(s), payload })
const detail = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/items/${id}`, headers: bearer(staff) })).json()
const batch = async (s: { token: string }, payload: object) => {
  const res = await post(s, '/api/items/batch', payload)
  return { statusCode: res.statusCode, body: res.json() as BatchAnswer & { message?: string; field?: string } }
}

async function newMessage(text = '门口井盖缺失'): Promise<string> {
  serial++
  const res = await post(citizen, '/api/messages', { category: 'complaint', ...COMPLAINT_EXTRAS, body: `${text} ${serial}` })
  expect(res.statusCode).toBe(201)
  return res.json().id
}

describe('POST /api/items/batch with items', () => {
  it('accepts the new ones and refuses the closed one with the table’s reason; one refusal undoes nothing', async () => {
    const a = await newMessage()
    const b = await newMessage()
    const closed = await newMessage()
    expect((await post(staff, `/api/items/${closed}/actions`, { action: 'reject', reason: 'spam' })).statusCode).toBe(200)

    const { statusCode, body } = await batch(staff, { op: 'act', action: 'accept', items: [{ id: a }, { id: closed }, { id: b }] })
    expect(statusCode).toBe(200)
    expect(body.matched).toBe(3)
    expect(body.capped).toBe(false)
    expect(body.results.map((r) => [r.id, r.ok])).toEqual([
      [a, true],
      [closed, false],
      [b, true]
    ])
    expect(body.results[0]).toMatchObject({ status: 'accepted', version: 2, message: '已受理' })
    expect(body.results[1]).toMatchObject({ code: 'conflict', status: 'rejected', message: '当前状态为「不予受理」，不能执行「受理」' })
    expect((await detail(a)).status).toBe('accepted')
    expect((await detail(b)).status).toBe('accepted')
    expect((await detail(closed)).status).toBe('rejected')
  })

  it('a stale version is refused with who changed what since; the others go through', async () => {
    const a = await newMessage()
    const b = await newMessage()
    expect((await post(colleague, `/api/items/${a}/assign`, { assigneeId: colleague.user.id, version: 1 })).statusCode).toBe(200)
    const { body } = await batch(staff, { op: 'assign', assigneeId: staff.user.id, items: [{ id: a, version: 1 }, { id: b, version: 1 }] })
    expect(body.results[0]).toMatchObject({ id: a, ok: false, code: 'stale_version', message: expect.stringContaining('李四分派') })
    expect(body.results[0]!.changes).toEqual([{ version: 2, action: 'assign', label: '分派', actorName: '李四', at: expect.any(String) }])
    expect(body.results[1]).toMatchObject({ id: b, ok: true, message: '已分派' })
    expect((await detail(a)).assignee).toMatchObject({ id: colleague.user.id })
    expect((await detail(b)).assignee).toMatchObject({ id: staff.user.id })
  })

  it('another bureau’s ids and unknown ids are reported as not found and never acted on', async () => {
    const mine = await newMessage()
    const theirs = await post(outsider, '/api/messages', { category: 'question', body: '外县的留言' })
    expect(theirs.statusCode).toBe(201)
    const ghost = '00000000-0000-4000-8000-000000000000'
    const { body } = await batch(staff, { op: 'act', action: 'accept', items: [{ id: theirs.json().id }, { id: ghost }, { id: mine }] })
    expect(body.results.map((r) => [r.ok, r.code ?? null])).toEqual([
      [false, 'not_found'],
      [false, 'not_found'],
      [true, null]
    ])
    expect(body.results[0]).not.toHaveProperty('status')
    const row = await t.db.selectFrom('item').select(['status', 'version']).where('id', '=', theirs.json().id).executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'new', version: 1 })
  })

  it('tags many at once; the same id twice is acted on once; a topic not on the bureau’s list is refused per item', async () => {
    const a = await newMessage()
    const { body } = await batch(staff, { op: 'tag', topics: ['井盖', '城区'], items: [{ id: a }, { id: a }] })
    expect(body.results).toHaveLength(1)
    expect((await detail(a)).topics).toEqual(['井盖', '城区'])
    const unknown = await batch(staff, { op: 'tag', topics: ['没有这个主题'], items: [{ id: a }] })
    expect(unknown.body.results[0]).toMatchObject({ ok: false, code: 'unknown_topic' })
  })

  it('keeps the desk client’s shape: {...op, items} with versions (src/services/desk-api.ts runBatch)', async () => {
    const a = await newMessage()
    const { statusCode, body } = await batch(staff, { op: 'act', action: 'accept', items: [{ id: a, version: 1 }] })
    expect(statusCode).toBe(200)
    expect(body.results[0]).toEqual({ id: a, ok: true, status: 'accepted', version: 2, message: expect.any(String) })
  })
})

describe('POST /api/items/batch with a filter ("all that match")', () => {
  it('acts on every item the inbox filter matches, and says how many matched', async () => {
    const word = `批量筛选${Date.now() % 100000}`
    const ids = [await newMessage(word), await newMessage(word), await newMessage(word)]
    const other = await newMessage('无关的留言')
    const { body } = await batch(staff, { op: 'act', action: 'accept', filter: { q: word, kind: 'message', status: 'new' } })
    expect(body.matched).toBe(3)
    expect(body.capped).toBe(false)
    expect(body.results.map((r) => r.id).sort()).toEqual([...ids].sort())
    expect(body.results.every((r) => r.ok)).toBe(true)
    expect((await detail(other)).status).toBe('new')
    // The same filter again matches nothing any more: they are accepted now.
    expect((await batch(staff, { op: 'act', action: 'accept', filter: { q: word, status: 'new' } })).body).toEqual({ matched: 0, capped: false, results: [] })
  })

  it('takes a built-in view like the inbox does', async () => {
    const a = await newMessage()
    await post(staff, `/api/items/${a}/assign`, { assigneeId: colleague.user.id, version: 1 })
    const { body } = await batch(colleague, { op: 'tag', topics: ['我的'], filter: { view: 'mine' } })
    expect(body.results.map((r) => r.id)).toContain(a)
    expect(body.results.every((r) => r.ok)).toBe(true)
  })
})

describe('what the batch route refuses as a whole', () => {
  it('officers, citizens and reviewers cannot triage (403)', async () => {
    const a = await newMessage()
    for (const who of [officer, citizen, reviewer]) expect((await batch(who, { op: 'act', action: 'accept', items: [{ id: a }] })).statusCode).toBe(403)
    expect((await detail(a)).status).toBe('new')
  })

  it('needs items or a filter (not both), the fields of its op, a desk colleague to assign to, at most 200 items', async () => {
    const a = await newMessage()
    const cases: [object, string][] = [
      [{ op: 'act', action: 'accept' }, 'items'],
      [{ op: 'act', action: 'accept', items: [{ id: a }], filter: {} }, 'items'],
      [{ op: 'act', items: [{ id: a }] }, 'action'],
      [{ op: 'assign', items: [{ id: a }] }, 'assigneeId'],
      [{ op: 'tag', items: [{ id: a }] }, 'topics'],
      [{ op: 'tag', topics: [], assigneeId: null, items: [{ id: a }] }, 'assigneeId'],
      [{ op: 'assign', assigneeId: citizen.user.id, items: [{ id: a }] }, 'assigneeId']
    ]
    for (const [payload, field] of cases) {
      const r = await batch(staff, payload)
      expect([JSON.stringify(payload), r.statusCode, r.body.field]).toEqual([JSON.stringify(payload), 400, field])
    }
    const many = Array.from({ length: 201 }, () => ({ id: a }))
    expect((await batch(staff, { op: 'act', action: 'accept', items: many })).statusCode).toBe(400)
    expect((await detail(a)).version).toBe(1)
  })
})

describe('the cap of "all that match"', () => {
  it('takes the first items oldest first and counts all that matched', async () => {
    const { matchingItems } = await import('../../server/repositories/inbox')
    const word = `封顶${Date.now() % 100000}`
    const ids = [await newMessage(word), await newMessage(word), await newMessage(word)]
    const found = await matchingItems(t.db, { id: staff.user.id, orgId: t.orgId, now: new Date() }, { q: word }, 2)
    expect(found.matched).toBe(3)
    expect(found.items.map((i) => i.id)).toEqual(ids.slice(0, 2))
  })
})

describe('the cap of "all that match", through POST /api/items/batch', () => {
  const CAP = LIMITS.batchFilterCap
  // A department of its own per test: `{ department }` is the filter, and nothing else matches it.
  const seed = async (n: number, pattern: readonly SeedRow[]) => {
    const department = (await t.db.insertInto('department').values({ org_id: t.orgId, name: `批量部门${++serial}` }).returning('id').executeTakeFirstOrThrow()).id
    const ids = await seedDepartmentItems(t.db, t.orgId, { n, departmentId: department, authors: { message: citizen.user.id, case: officer.user.id }, pattern })
    return { department, ids }
  }
  const rowsOf = async (department: string) =>
    new Map((await t.db.selectFrom('item').select(['id', 'status', 'version']).where('department_id', '=', department).execute()).map((r) => [r.id, r]))

  it('acts on the oldest items up to the cap, says how many matched and that it stopped; the same batch again takes up the rest', async () => {
    const { department, ids } = await seed(CAP + 7, [
      { kind: 'message', status: 'new' },
      { kind: 'case', status: 'new' }
    ])
    const payload = { op: 'act', action: 'accept', filter: { department, status: 'new' } }

    const first = await batch(staff, payload)
    expect(first.statusCode).toBe(200)
    expect(first.body.matched).toBe(CAP + 7)
    expect(first.body.capped).toBe(true)
    expect(first.body.results.map((r) => r.id)).toEqual(ids.slice(0, CAP))
    expect(first.body.results.filter((r) => !(r.ok && r.status === 'accepted' && r.version === 2))).toEqual([])
    // The database agrees: the first CAP are accepted once, the newest 7 were not touched.
    const after = await rowsOf(department)
    expect(ids.slice(0, CAP).filter((id) => after.get(id)!.status !== 'accepted')).toEqual([])
    expect(ids.slice(CAP).map((id) => after.get(id))).toEqual(ids.slice(CAP).map((id) => ({ id, status: 'new', version: 1 })))

    const second = await batch(staff, payload)
    expect(second.statusCode).toBe(200)
    expect(second.body.matched).toBe(7)
    expect(second.body.capped).toBe(false)
    expect(second.body.results.map((r) => [r.id, r.ok, r.status])).toEqual(ids.slice(CAP).map((id) => [id, true, 'accepted']))

    expect((await batch(staff, payload)).body).toEqual({ matched: 0, capped: false, results: [] })
  }, 120_000)

  it('reports each item the table refuses with why, in its place among the first cap, and counts only what the desk may see', async () => {
    // Each row of the pattern with what accepting it answers.
    const pattern: [SeedRow, Partial<BatchAnswer['results'][number]>][] = [
      [{ kind: 'message', status: 'new' }, { ok: true, status: 'accepted', message: '已受理' }],
      [{ kind: 'message', status: 'closed' }, { ok: false, code: 'conflict', status: 'closed', message: '当前状态为「已办结」，不能执行「受理」' }],
      [{ kind: 'case', status: 'new' }, { ok: true, status: 'accepted', message: '已采用为素材（现为已采用）' }],
      [{ kind: 'case', status: 'archived' }, { ok: false, code: 'conflict', status: 'archived', message: '当前状态为「已存档」，不能执行「采用为素材」' }],
      [{ kind: 'message', status: 'in_progress' }, { ok: false, code: 'conflict', status: 'in_progress', message: '当前状态为「办理中」，不能执行「受理」' }]
    ]
    const { department, ids } = await seed(CAP + 5, pattern.map(([row]) => row))
    const expected = (id: string) => ({ id, ...pattern[ids.indexOf(id) % pattern.length]![1] })
    // Held by the content check: in no inbox, so in no "all that match" either.
    const held = ids[0]!
    await t.db.updateTable('item').set({ moderation: 'held' }).where('id', '=', held).execute()
    const visible = ids.slice(1)

    const { statusCode, body } = await batch(staff, { op: 'act', action: 'accept', filter: { department } })
    expect(statusCode).toBe(200)
    expect(body.matched).toBe(CAP + 4)
    expect(body.capped).toBe(true)
    expect(body.results.map((r) => r.id)).toEqual(visible.slice(0, CAP))
    expect(body.results.filter((r) => !r.ok)).toHaveLength((CAP / pattern.length) * 3)
    for (const r of body.results) expect(r).toMatchObject(expected(r.id))

    // What the answer says is what the database holds: refused items untouched, the held one and
    // those past the cap too.
    const after = await rowsOf(department)
    expect(body.results.filter((r) => after.get(r.id)!.status !== r.status)).toEqual([])
    expect(body.results.filter((r) => !r.ok && after.get(r.id)!.version !== 1)).toEqual([])
    expect(after.get(held)).toEqual({ id: held, status: 'new', version: 1 })
    expect(visible.slice(CAP).filter((id) => after.get(id)!.version !== 1)).toEqual([])
  }, 120_000)
})
