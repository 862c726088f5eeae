import { sql } from 'kysely'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import type { SessionView } from '../../domain/schemas/auth'
import { LIST_CAPS } from '../../domain/limits'

// The admin lists that are read whole have a cap instead of pages: up to it a bureau creates
// freely, beyond it creating is a 409 list_full naming what to do, and the list still comes
// whole. Each list is filled to one below its cap with set-based SQL, then driven through HTTP.

let t: TestApp
let admin: SessionView
let outsider: SessionView & { orgId: string }
const YEAR = 2030

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login('admin', '管理员甲')
  outsider = await t.loginElsewhere(['citizen', 'admin'], '外局管理员')
})
afterAll(() => t.close())

const call = (s: SessionView, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers: bearer(s), ...(payload ? { payload } : {}) })

async function expectFull(res: { statusCode: number; json(): any }, cap: number) {
  expect(res.statusCode).toBe(409)
  expect(res.json()).toMatchObject({ error: 'list_full', details: { cap } })
  expect(res.json().message).toContain(String(cap))
  expect(res.json().message).toMatch(/达到上限/)
}

/** `n` rows of `table` for our bureau, named `${prefix}1` … */
async function seed(table: string, n: number, columns: string, values: (g: string) => string) {
  await sql`INSERT INTO ${sql.table(table)} (org_id, ${sql.raw(columns)}) SELECT ${t.orgId}::uuid, ${sql.raw(values('g'))} FROM generate_series(1, ${n}) g`.execute(t.db)
}

describe('capped admin lists', () => {
  it('departments: up to the cap, then 409; the list stays whole; another bureau has its own room', async () => {
    const cap = LIST_CAPS.departments
    await seed('department', cap - 1, 'name', (g) => `'部门' || ${g}`)
    expect((await call(admin, 'POST', '/api/admin/departments', { name: '最后一个所' })).statusCode).toBe(201)
    await expectFull(await call(admin, 'POST', '/api/admin/departments', { name: '多出来的所' }), cap)
    expect((await call(admin, 'GET', '/api/admin/departments')).json().departments).toHaveLength(cap)
    expect((await call(admin, 'GET', '/api/departments')).json().departments.map((d: { name: string }) => d.name)).not.toContain('多出来的所')
    // Renaming is no new row: still allowed at the cap.
    const first = (await call(admin, 'GET', '/api/admin/departments')).json().departments[0]
    expect((await t.app.inject({ method: 'PUT', url: `/api/admin/departments/${first.id}`, headers: bearer(admin), payload: { name: '改名沿用的所' } })).statusCode).toBe(200)
    expect((await call(outsider, 'POST', '/api/admin/departments', { name: '多出来的所' })).statusCode).toBe(201)
  })

  it('focus topics: per year', async () => {
    const cap = LIST_CAPS.topicsPerYear
    await sql`INSERT INTO topic (org_id, year, name) SELECT ${t.orgId}::uuid, ${YEAR}, '主题' || g FROM generate_series(1, ${cap - 1}) g`.execute(t.db)
    expect((await call(admin, 'POST', '/api/admin/topics', { name: '食品安全', year: YEAR })).statusCode).toBe(201)
    const full = await call(admin, 'POST', '/api/admin/topics', { name: '药品安全', year: YEAR })
    await expectFull(full, cap)
    expect(full.json().message).toContain(`${YEAR} 年`)
    expect((await call(admin, 'GET', `/api/topics?year=${YEAR}`)).json().topics).toHaveLength(cap)
    expect((await call(admin, 'POST', '/api/admin/topics', { name: '药品安全', year: YEAR + 1 })).statusCode).toBe(201)
  })

  it('canned replies: deleting one makes room again', async () => {
    const cap = LIST_CAPS.cannedReplies
    await seed('canned_reply', cap - 1, 'title, body', (g) => `'模板' || ${g}, '您好'`)
    const last = await call(admin, 'POST', '/api/admin/canned-replies', { title: '最后一个', body: '您好' })
    expect(last.statusCode).toBe(201)
    await expectFull(await call(admin, 'POST', '/api/admin/canned-replies', { title: '多出来的', body: '您好' }), cap)
    expect((await call(admin, 'GET', '/api/canned-replies')).json().cannedReplies).toHaveLength(cap)
    expect((await call(admin, 'DELETE', `/api/admin/canned-replies/${last.json().id}`)).statusCode).toBe(204)
    expect((await call(admin, 'POST', '/api/admin/canned-replies', { title: '多出来的', body: '您好' })).statusCode).toBe(201)
  })

  it('outlets: inactive ones count too', async () => {
    const cap = LIST_CAPS.outlets
    await seed('outlet', cap - 1, 'name, level, active', (g) => `'媒体' || ${g}, 'county', ${g} % 2 = 0`)
    expect((await call(admin, 'POST', '/api/admin/outlets', { name: '县融媒体中心', level: 'county' })).statusCode).toBe(201)
    await expectFull(await call(admin, 'POST', '/api/admin/outlets', { name: '多出来的媒体', level: 'city' }), cap)
    expect((await call(admin, 'GET', '/api/ledger/outlets?includeInactive=true')).json().outlets).toHaveLength(cap)
  })

  it('the bureau’s own editorial expressions, beside the built-in list', async () => {
    const cap = LIST_CAPS.editorialExpressions
    await seed('editorial_expression', cap - 1, 'phrase', (g) => `'表述' || ${g}`)
    expect((await call(admin, 'POST', '/api/admin/editorial-expressions', { phrase: '最后一条' })).statusCode).toBe(201)
    await expectFull(await call(admin, 'POST', '/api/admin/editorial-expressions', { phrase: '多出来的' }), cap)
    const listed = (await call(admin, 'GET', '/api/admin/editorial-expressions')).json().expressions
    expect(listed.filter((e: { builtin: boolean }) => !e.builtin)).toHaveLength(cap)
  })

  it('two creations racing for the last place: one gets it, the other is told the list is full', async () => {
    const org = outsider.orgId
    const cap = LIST_CAPS.cannedReplies
    await sql`INSERT INTO canned_reply (org_id, title, body) SELECT ${org}::uuid, '模板' || g, '您好' FROM generate_series(1, ${cap - 1}) g`.execute(t.db)
    const answers = await Promise.all(['甲', '乙', '丙'].map((who) => call(outsider, 'POST', '/api/admin/canned-replies', { title: `抢最后一个${who}`, body: '您好' })))
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409])
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM canned_reply WHERE org_id = ${org}`.execute(t.db)
    expect(rows[0]!.n).toBe(cap)
  })
})
