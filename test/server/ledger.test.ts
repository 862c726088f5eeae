import { sql } from 'kysely'
import ExcelJS from 'exceljs'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { insertItem } from '../helpers/inbox-fixtures'
import { photoUpload } from '../helpers/multipart'
import { png } from '../helpers/images'
import type { SessionView } from '../../domain/schemas/auth'
import { defaultRules, pace } from '../../domain/ledger'
import { compiledFor, DASHBOARD_QUERIES } from '../../server/repositories/ledger-dashboard'

let t: TestApp
let admin: SessionView
let staff: SessionView
let reviewer: SessionView
let officer: SessionView
let outsider: SessionView & { orgId: string }
let deptA: string
let deptB: string
let cityPaper: string
let bulletin: string
const YEAR = 2026

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'
const call = (s: SessionView, method: Method, url: string, payload?: object) => t.app.inject({ method, url, headers: bearer(s), ...(payload ? { payload } : {}) })

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login('admin', '管理员甲')
  staff = await t.login('staff', '宣传甲')
  reviewer = await t.login('reviewer', '审核甲')
  officer = await t.login('officer', '干部甲')
  outsider = await t.loginElsewhere(['staff', 'admin'], '外局宣传')
  deptA = (await call(admin, 'POST', '/api/admin/departments', { name: '城关所' })).json().id
  deptB = (await call(admin, 'POST', '/api/admin/departments', { name: '办公室' })).json().id
  cityPaper = (await call(admin, 'POST', '/api/admin/outlets', { name: '市日报', level: 'city' })).json().id
  bulletin = (await call(admin, 'POST', '/api/admin/outlets', { name: '市局信息专报', level: 'bulletin' })).json().id
  await call(admin, 'POST', '/api/admin/topics', { name: '优化营商环境', year: YEAR })
  await call(admin, 'POST', '/api/admin/topics', { name: '品牌建设', year: YEAR })
})
afterAll(() => t.close())

/** An approved draft as the drafts slice leaves it, written directly: the ledger's input. */
async function approvedDraft(spec: { type?: 'news' | 'information' | 'research'; departmentId?: string; topics?: string[]; cases?: { status: string; createdAt?: Date }[]; credits?: { userId?: string; departmentId?: string; percent: number }[]; status?: string }) {
  const draft = await t.db
    .insertInto('draft')
    .values({ org_id: t.orgId, type: spec.type ?? 'news', title: '城关所开展节前食品安全检查', status: (spec.status ?? 'approved') as any, author_id: staff.user.id, department_id: spec.departmentId ?? deptA, topics: spec.topics ?? [] })
    .returning('id')
    .executeTakeFirstOrThrow()
  const caseIds: string[] = []
  for (const c of spec.cases ?? []) {
    const id = await insertItem(t.db, t.orgId, { kind: 'case', status: c.status, body: '检查 32 户', authorId: officer.user.id, createdAt: c.createdAt })
    await t.db.insertInto('draft_case').values({ org_id: t.orgId, draft_id: draft.id, item_id: id }).execute()
    caseIds.push(id)
  }
  for (const c of spec.credits ?? []) await t.db.insertInto('draft_credit').values({ org_id: t.orgId, draft_id: draft.id, user_id: c.userId ?? null, department_id: c.departmentId ?? null, share_percent: c.percent }).execute()
  return { id: draft.id, caseIds }
}

const record = (s: SessionView, draftId: string, over: object = {}) =>
  call(s, 'POST', '/api/publications', { draftId, outletId: cityPaper, channel: 'newspaper', placement: 'general', publishedOn: '2026-03-10', link: 'https://example.cn/a/1', ...over })

describe('outlets', () => {
  it('admins manage the list; names unique per bureau; desk roles read it; others 403', async () => {
    expect((await call(admin, 'POST', '/api/admin/outlets', { name: '市日报', level: 'county' })).statusCode).toBe(409)
    expect((await call(staff, 'POST', '/api/admin/outlets', { name: '某报', level: 'county' })).statusCode).toBe(403)
    expect((await call(admin, 'POST', '/api/admin/outlets', { name: '某报', level: 'galactic' })).statusCode).toBe(400)
    const list = (await call(reviewer, 'GET', '/api/ledger/outlets')).json().outlets
    expect(list.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['市日报', '市局信息专报']))
    expect(list.find((o: { name: string }) => o.name === '市日报')).toMatchObject({ level: 'city', levelLabel: '市级媒体', active: true })
    expect((await call(officer, 'GET', '/api/ledger/outlets')).statusCode).toBe(403)
    // the other bureau neither sees nor changes them
    expect((await call(outsider, 'GET', '/api/ledger/outlets')).json().outlets).toEqual([])
    expect((await call(outsider, 'PUT', `/api/admin/outlets/${cityPaper}`, { active: false })).statusCode).toBe(404)
  })
})

describe('scoring rules per year', () => {
  it('a year without its own rules shows the example, then the latest earlier year', async () => {
    const r = (await call(admin, 'GET', '/api/admin/scoring-rules/2024')).json()
    expect(r).toMatchObject({ year: 2024, source: 'default', fromYear: null })
    expect(r.rules.points.news.city.general).toBe(5)
    const body = { ...defaultRules(2025), year: undefined }
    delete (body as any).year
    body.points.news.city.general = 6
    expect((await call(admin, 'PUT', '/api/admin/scoring-rules/2025', body)).json()).toMatchObject({ source: 'own', fromYear: 2025 })
    expect((await call(admin, 'GET', '/api/admin/scoring-rules/2026')).json()).toMatchObject({ source: 'inherited', fromYear: 2025, rules: { points: { news: { city: { general: 6 } } } } })
    expect((await call(staff, 'GET', '/api/admin/scoring-rules/2026')).statusCode).toBe(403)
  })
  it('refuses incomplete tables and points with more than 2 decimals', async () => {
    const body: any = { points: defaultRules(2026).points, bonuses: { leaderComment: 5 }, deductions: defaultRules(2026).deductions }
    expect((await call(admin, 'PUT', '/api/admin/scoring-rules/2026', body)).statusCode).toBe(400)
    body.bonuses = { leaderComment: 5.123, adopted: 3 }
    expect((await call(admin, 'PUT', '/api/admin/scoring-rules/2026', body)).statusCode).toBe(400)
  })
})

describe('targets', () => {
  it('the bureau-wide 343 / 337 / 8 until the admin sets the year', async () => {
    const res = (await call(staff, 'GET', `/api/ledger/targets?year=${YEAR}`)).json()
    expect(res.bureauDefault).toBe(true)
    expect(res.targets.map((x: any) => [x.departmentId, x.type, x.count])).toEqual([
      [null, 'news', 343],
      [null, 'information', 337],
      [null, 'research', 8]
    ])
  })
  it('admins replace a year\'s targets; one per department and type; departments of the bureau only', async () => {
    const targets = [
      { departmentId: null, type: 'news', count: 343 },
      { departmentId: null, type: 'information', count: 337 },
      { departmentId: null, type: 'research', count: 8 },
      { departmentId: deptA, type: 'news', count: 40, points: 200 },
      { departmentId: deptB, type: 'news', count: 2 }
    ]
    const res = await call(admin, 'PUT', `/api/admin/targets/${YEAR}`, { targets })
    expect(res.statusCode).toBe(200)
    expect(res.json().bureauDefault).toBe(false)
    expect(res.json().targets.find((x: any) => x.departmentId === deptA)).toEqual({ departmentId: deptA, departmentName: '城关所', type: 'news', count: 40, points: 200 })
    expect((await call(admin, 'PUT', `/api/admin/targets/${YEAR}`, { targets: [...targets, { departmentId: deptB, type: 'news', count: 3 }] })).statusCode).toBe(400)
    const foreign = (await call(outsider, 'POST', '/api/admin/departments', { name: '外局科室' })).json().id
    expect((await call(admin, 'PUT', `/api/admin/targets/${YEAR}`, { targets: [{ departmentId: foreign, type: 'news', count: 1 }] })).statusCode).toBe(400)
    expect((await call(staff, 'PUT', `/api/admin/targets/${YEAR}`, { targets })).statusCode).toBe(403)
  })
})

describe('recording a publication', () => {
  it('publishes the approved draft and moves its cases through their tables, in one go', async () => {
    const created = new Date('2026-03-01T02:00:00Z')
    const d = await approvedDraft({ topics: ['优化营商环境'], cases: [{ status: 'used', createdAt: created }, { status: 'published' }], credits: [{ userId: staff.user.id, percent: 100 }, { departmentId: deptA, percent: 60 }, { departmentId: deptB, percent: 40 }] })
    const res = await record(staff, d.id, { placement: 'front_page' })
    expect(res.statusCode).toBe(201)
    const p = res.json()
    // 2026 inherits 2025's rules (news · city · 头版: 7.5 in the example; 2025 changed only 一般)
    expect(p).toMatchObject({ draftId: d.id, type: 'news', outlet: { id: cityPaper, name: '市日报', level: 'city' }, points: 7.5, ruleYear: 2025, topics: ['优化营商环境'] })
    expect(p.credits).toEqual([
      { kind: 'author', id: staff.user.id, name: '宣传甲', share: 1, points: 7.5 },
      { kind: 'department', id: deptA, name: '城关所', share: 0.6, points: 4.5 },
      { kind: 'department', id: deptB, name: '办公室', share: 0.4, points: 3 }
    ])
    const draft = await t.db.selectFrom('draft').select(['status', 'published_at']).where('id', '=', d.id).executeTakeFirstOrThrow()
    expect(draft.status).toBe('published')
    expect(draft.published_at).not.toBeNull()
    const events = await t.db.selectFrom('draft_event').select(['action', 'from_status', 'to_status', 'actor_id']).where('draft_id', '=', d.id).execute()
    expect(events).toEqual([{ action: 'publish', from_status: 'approved', to_status: 'published', actor_id: staff.user.id }])
    const cases = await t.db.selectFrom('item').select(['id', 'status']).where('id', 'in', d.caseIds).execute()
    expect(Object.fromEntries(cases.map((c) => [c.id, c.status]))).toEqual({ [d.caseIds[0]!]: 'published', [d.caseIds[1]!]: 'published' })
    const caseEvents = await t.db.selectFrom('item_event').select(['action', 'to_status']).where('item_id', '=', d.caseIds[0]!).execute()
    expect(caseEvents).toContainEqual({ action: 'publish', to_status: 'published' })
    // A further outlet for the published draft: another line, no second transition.
    const again = await record(staff, d.id, { outletId: bulletin, publishedOn: '2026-03-12' })
    expect(again.statusCode).toBe(201)
    expect((await t.db.selectFrom('draft_event').select('id').where('draft_id', '=', d.id).execute()).length).toBe(1)
    expect((await call(reviewer, 'GET', `/api/publications?draftId=${d.id}`)).json().publications).toHaveLength(2)
  })

  it('without credits the whole piece goes to the author and the draft\'s department', async () => {
    const d = await approvedDraft({ type: 'information', departmentId: deptB })
    const p = (await record(staff, d.id, { outletId: bulletin, leaderComment: true, adopted: true })).json()
    // information · bulletin · 一般 4 + 批示 5 + 被采用 3
    expect(p.points).toBe(12)
    expect(p.credits.map((c: any) => [c.kind, c.id, c.points])).toEqual([
      ['author', staff.user.id, 12],
      ['department', deptB, 12]
    ])
  })

  it('a screenshot as proof: uploaded through the media route, shown back with a signed link', async () => {
    const { payload, headers } = photoUpload(await png(800, 1400))
    const media = (await t.app.inject({ method: 'POST', url: '/api/media', headers: { ...bearer(staff), ...headers }, payload })).json()
    const d = await approvedDraft({ departmentId: deptB, type: 'research' })
    const res = await record(staff, d.id, { link: undefined, proofMediaId: media.id, outletId: bulletin, publishedOn: '2026-05-06' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ link: null, proofMediaId: media.id, proof: { id: media.id, width: 800, height: 1400 }, points: 8 })
    expect((await t.app.inject({ method: 'GET', url: res.json().proof.thumbUrl })).statusCode).toBe(200)
  })

  it('a retry with the same form id returns the first record: one line, one transition, even when both race', async () => {
    const d = await approvedDraft({ cases: [{ status: 'used' }] })
    // In 2025: the dashboard and export tests below add up 2026.
    const first = await record(staff, d.id, { clientId: 'pub-retry-0001', publishedOn: '2025-06-10' })
    expect(first.statusCode).toBe(201)
    const retry = await record(staff, d.id, { clientId: 'pub-retry-0001', publishedOn: '2025-06-10' })
    expect(retry.statusCode).toBe(200)
    expect(retry.json().id).toBe(first.json().id)
    // Two at once with a new id: the unique index settles it, the loser's transaction rolls back whole.
    const [a, b] = await Promise.all([record(staff, d.id, { clientId: 'pub-race-00002', outletId: bulletin, publishedOn: '2025-06-11' }), record(staff, d.id, { clientId: 'pub-race-00002', outletId: bulletin, publishedOn: '2025-06-11' })])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201])
    expect(a.json().id).toBe(b.json().id)
    expect((await call(staff, 'GET', `/api/publications?draftId=${d.id}`)).json().publications).toHaveLength(2)
    expect((await t.db.selectFrom('draft_event').select('id').where('draft_id', '=', d.id).execute()).length).toBe(1)
    // The id is the recorder's own: a colleague's identical id is a different submission.
    const colleague = await t.login('staff', '宣传乙')
    expect((await record(colleague, d.id, { clientId: 'pub-retry-0001', publishedOn: '2025-06-12' })).statusCode).toBe(201)
  })

  it('refuses what cannot be recorded, and leaves the draft as it was', async () => {
    const drafting = await approvedDraft({ status: 'final_review' })
    const res = await record(staff, drafting.id)
    expect(res.statusCode).toBe(409)
    expect(res.json().message).toMatch(/待终审/)
    const d = await approvedDraft({})
    const noProof = await record(staff, d.id, { link: undefined })
    expect(noProof.statusCode).toBe(400)
    expect(noProof.json().message).toMatch(/凭证/)
    expect((await record(staff, d.id, { publishedOn: '2999-01-01' })).statusCode).toBe(400)
    expect((await record(staff, d.id, { link: 'javascript:alert(1)' })).statusCode).toBe(400)
    const foreignOutlet = (await call(outsider, 'POST', '/api/admin/outlets', { name: '外县报', level: 'county' })).json().id
    expect((await record(staff, d.id, { outletId: foreignOutlet })).statusCode).toBe(400)
    expect((await record(staff, d.id, { proofMediaId: '00000000-0000-4000-8000-000000000000', link: undefined })).statusCode).toBe(400)
    expect((await record(reviewer, d.id)).statusCode).toBe(403)
    expect((await record(officer, d.id)).statusCode).toBe(403)
    expect((await record(outsider, d.id)).statusCode).toBe(404)
    expect((await t.db.selectFrom('draft').select('status').where('id', '=', d.id).executeTakeFirstOrThrow()).status).toBe('approved')
  })
})

describe('changing rules never rewrites past points without a recalculation', () => {
  it('a new rule set for the year leaves recorded points; the explicit recalculation rewrites them and is logged', async () => {
    const d = await approvedDraft({ departmentId: deptB })
    const before = (await record(staff, d.id, { publishedOn: '2026-04-02' })).json()
    expect(before.points).toBe(6) // 2025's city 一般
    const rules: any = defaultRules(2026)
    delete rules.year
    rules.points.news.city.general = 9
    expect((await call(admin, 'PUT', '/api/admin/scoring-rules/2026', rules)).statusCode).toBe(200)
    const still = (await call(staff, 'GET', `/api/publications?draftId=${d.id}`)).json().publications[0]
    expect(still).toMatchObject({ points: 6, ruleYear: 2025 })
    expect((await call(staff, 'POST', '/api/admin/scoring-rules/2026/recalculate')).statusCode).toBe(403)
    const recalc = await call(admin, 'POST', '/api/admin/scoring-rules/2026/recalculate')
    expect(recalc.statusCode).toBe(200)
    expect(recalc.json()).toMatchObject({ year: 2026, recalculatedBy: '管理员甲' })
    expect(recalc.json().changed).toBeGreaterThan(0)
    const after = (await call(staff, 'GET', `/api/publications?draftId=${d.id}`)).json().publications[0]
    expect(after).toMatchObject({ points: 9, ruleYear: 2026 })
    expect(after.credits.map((c: any) => c.points)).toEqual([9, 9])
    const log = await t.db.selectFrom('ledger_recalculation').selectAll().where('org_id', '=', t.orgId).execute()
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ year: 2026, recalculated_by: admin.user.id })
    // Other years are untouched by it.
    const otherYears = await t.db.selectFrom('publication').select(['points_cents', 'rule_year', 'recalculated_at']).where('year', '<>', 2026).execute()
    expect(otherYears.length).toBeGreaterThan(0)
    expect(otherYears.every((p) => p.recalculated_at === null && p.rule_year === 2025)).toBe(true)
  })
})

describe('dashboard and summary', () => {
  it('adds up what was recorded: per type, month, level, topic and department, with pace and ranking', async () => {
    const res = await call(reviewer, 'GET', `/api/ledger/dashboard?year=${YEAR}&asOf=2026-07-02`)
    expect(res.statusCode).toBe(200)
    const dash = res.json()
    const pubs = (await call(staff, 'GET', `/api/publications?year=${YEAR}`)).json().publications as { type: string; points: number; publishedOn: string; outlet: { level: string } }[]
    const sum = (xs: { points: number }[]) => Math.round(xs.reduce((a, p) => a + p.points, 0) * 100) / 100
    expect(dash.totals.count).toBe(pubs.length)
    expect(dash.totals.points).toBe(sum(pubs))
    expect(dash.totals.byType.information).toEqual({ count: 1, points: 12 })
    expect(dash.months[2].count).toBe(pubs.filter((p) => p.publishedOn.startsWith('2026-03')).length)
    expect(dash.months[3]).toMatchObject({ month: 4, count: 1, points: 9 })
    expect(dash.levels.find((l: any) => l.level === 'bulletin')).toMatchObject({ label: '上级信息刊物', count: 3 })
    expect(dash.topics).toEqual(expect.arrayContaining([{ topic: '优化营商环境', count: 2, points: expect.any(Number), planned: true }, { topic: '品牌建设', count: 0, points: 0, planned: true }]))
    const news = dash.bureau.find((b: any) => b.type === 'news')
    expect(news.pace).toEqual(pace(dash.totals.byType.news.count, 343, YEAR, '2026-07-02'))
    // 城关所: 60 % of the first piece in two outlets (7.5 and 3, the latter as news at the bulletin level) = 1.2 pieces
    const a = dash.departments.find((x: any) => x.departmentId === deptA)
    expect(a.count).toBe(1.2)
    expect(a.pace[0]).toMatchObject({ type: 'news', count: { target: 40, behind: true }, points: { target: 200, behind: true } })
    expect(a.behind).toBe(true)
    const ranks = dash.departments.map((x: any) => [x.name, x.rank])
    expect(ranks[0][1]).toBe(1)
    expect(dash.departments[0].points).toBeGreaterThanOrEqual(dash.departments[1].points)
    // A day whose year the ledger does not keep is a 400, not a 500.
    expect((await call(staff, 'GET', '/api/ledger/dashboard?asOf=9999-12-30')).statusCode).toBe(400)
    // Another bureau sees its own, empty ledger.
    expect((await call(outsider, 'GET', `/api/ledger/dashboard?year=${YEAR}`)).json().totals.count).toBe(0)
  })

  it('the dashboard statements compiled once say what the builder says, for any window', () => {
    for (const w of [{ orgId: t.orgId, year: YEAR, from: '2026-01-01', to: '2026-07-02' }, { orgId: outsider.orgId, year: 2025, from: '2025-01-01', to: '2025-12-31' }]) {
      for (const q of DASHBOARD_QUERIES) {
        const built = q(t.db, w).compile()
        const cached = compiledFor(q, t.db, w)
        expect([cached.sql, cached.parameters]).toEqual([built.sql, built.parameters])
      }
    }
  })

  it('departments behind their target are warned once a day, through the bell', async () => {
    const user = await t.db.insertInto('app_user').values({ org_id: t.orgId, name: '城关所宣传', roles: ['citizen', 'staff'], department_id: deptA }).returning(['id', 'org_id']).executeTakeFirstOrThrow()
    const colleague = await t.app.openSession(user)
    expect((await call(staff, 'POST', '/api/admin/ledger/shortfall-warnings?year=2026&asOf=2026-07-02')).statusCode).toBe(403)
    const res = await call(admin, 'POST', '/api/admin/ledger/shortfall-warnings?year=2026&asOf=2026-07-02')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ departmentsBehind: 1, notified: 1 })
    expect((await call(admin, 'POST', '/api/admin/ledger/shortfall-warnings?year=2026&asOf=2026-07-02')).json()).toEqual({ departmentsBehind: 1, notified: 0 })
    const bell = (await call(colleague as SessionView, 'GET', '/api/notifications')).json()
    expect(bell.items).toHaveLength(1)
    expect(bell.items[0]).toMatchObject({ kind: 'target_shortfall', kindLabel: '目标进度落后', itemId: null, subject: { type: 'department', id: deptA } })
    expect(bell.items[0].body).toMatch(/^城关所 2026 年发表进度落后：新闻稿件已完成 1.2 篇，按目前进度预计全年 [\d.]+ 篇，目标 40 篇/)
    // In January nobody is called behind yet.
    expect((await call(admin, 'POST', '/api/admin/ledger/shortfall-warnings?year=2026&asOf=2026-01-20')).json().departmentsBehind).toBe(0)
  })

  it('the effect summary: front-line share, topics covered and missed, case → publication days', async () => {
    const march = (await call(staff, 'GET', `/api/ledger/summary?year=${YEAR}&month=3`)).json()
    expect(march).toMatchObject({ year: YEAR, month: 3, from: '2026-03-01', to: '2026-03-31' })
    // the two lines of the draft built from cases, of the March publications
    expect(march.frontLine.count).toBe(2)
    expect(march.topicsCovered).toEqual([{ topic: '优化营商环境', count: 2 }])
    expect(march.topicsMissed).toEqual(['品牌建设'])
    // case submitted on 2026-03-01 (Beijing); published on 03-10 and 03-12: 9 and 11 whole days → 10
    expect(march.avgDaysCaseToPublication).toBe(10)
    const year = (await call(staff, 'GET', `/api/ledger/summary?year=${YEAR}`)).json()
    expect(year.month).toBeNull()
    // plus April's and May's lines
    expect(year.count).toBe(march.count + 2)
    expect((await call(officer, 'GET', '/api/ledger/summary')).statusCode).toBe(403)
  })
})

describe('the xlsx exports, read back cell by cell', () => {
  const load = async (url: string) => {
    const res = await call(staff, 'GET', url)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as any)
    return { wb, res }
  }

  it('the annual assessment sheet: departments with formulas that add up, frozen header rows, the detail and a chart', async () => {
    const { wb, res } = await load(`/api/ledger/export/annual?year=${YEAR}`)
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('2026年度考核表.xlsx')
    expect(wb.worksheets.map((w) => w.name)).toEqual(['年度考核', '发表明细', '图表'])
    const ws = wb.getWorksheet('年度考核')!
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '部门', '新闻稿件', '新闻目标', '政务信息', '政务信息目标', '调研文章', '调研目标', '合计篇数', '目标合计', '得分', '完成率'])
    const dash = (await call(staff, 'GET', `/api/ledger/dashboard?year=${YEAR}&asOf=2026-12-31`)).json()
    const depts = [...dash.departments].sort((a: any, b: any) => a.rank - b.rank)
    depts.forEach((d: any, i: number) => {
      const r = ws.getRow(i + 3)
      expect(r.getCell(2).value).toBe(d.name)
      expect(r.getCell(3).value).toBe(d.byType.news.count)
      expect(r.getCell(5).value).toBe(d.byType.information.count)
      expect(r.getCell(9).value).toMatchObject({ formula: `C${i + 3}+E${i + 3}+G${i + 3}` })
      expect(r.getCell(11).value).toBe(d.points)
      expect(r.getCell(12).value).toMatchObject({ formula: `IF(J${i + 3}=0,"",I${i + 3}/J${i + 3})` })
    })
    const aRow = ws.getRow(3 + depts.findIndex((d: any) => d.departmentId === deptA))
    expect(aRow.getCell(4).value).toBe(40)
    const total = ws.getRow(depts.length + 3)
    expect(total.getCell(2).value).toBe('合计')
    expect(total.getCell(3).value).toMatchObject({ formula: `SUM(C3:C${depts.length + 2})` })
    expect(total.getCell(11).value).toMatchObject({ formula: `SUM(K3:K${depts.length + 2})` })
    const bureau = ws.getRow(depts.length + 4)
    expect(bureau.getCell(2).value).toBe('全局目标')
    expect([bureau.getCell(3).value, bureau.getCell(4).value, bureau.getCell(6).value, bureau.getCell(8).value]).toEqual([dash.totals.byType.news.count, 343, 337, 8])
    expect(bureau.getCell(11).value).toBe(dash.totals.points)

    const detail = wb.getWorksheet('发表明细')!
    expect(detail.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    const n = dash.totals.count
    const points: number[] = []
    for (let r = 3; r < n + 3; r++) points.push(detail.getRow(r).getCell(11).value as number)
    expect(Math.round(points.reduce((a, b) => a + b, 0) * 100) / 100).toBe(dash.totals.points)
    expect(detail.getRow(3).getCell(2).value).toBe('2026-03-10')
    const credited: unknown[] = []
    for (let r = 3; r < n + 3; r++) credited.push(detail.getRow(r).getCell(12).value)
    expect(credited).toContain('城关所 60%、办公室 40%')
    expect(detail.getRow(n + 3).getCell(11).value).toMatchObject({ formula: `SUM(K3:K${n + 2})` })
    // the chart is a PNG in the workbook's media
    const media = (wb as any).media as { extension: string; buffer: Buffer }[]
    expect(media).toHaveLength(1)
    expect(media[0]!.buffer.subarray(1, 4).toString()).toBe('PNG')
  })

  it('the monthly report: the month per department with SUM formulas; month required; officers refused', async () => {
    const { wb } = await load(`/api/ledger/export/monthly?year=${YEAR}&month=3`)
    const ws = wb.getWorksheet('月度汇总')!
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    const names: string[] = []
    ws.eachRow((row, i) => {
      if (i > 2) names.push(String(row.getCell(2).value))
    })
    expect(names).toEqual(['办公室', '城关所', '合计'])
    const a = ws.getRow(4)
    // 城关所 in March: 60 % of two lines (both news)
    expect([a.getCell(3).value, a.getCell(4).value, a.getCell(5).value]).toEqual([1.2, 0, 0])
    expect(a.getCell(6).value).toMatchObject({ formula: 'SUM(C4:E4)' })
    expect(ws.getRow(5).getCell(7).value).toMatchObject({ formula: 'SUM(G3:G4)' })
    expect(wb.getWorksheet('本月发表明细')!.getRow(3).getCell(3).value).toBe('城关所开展节前食品安全检查')
    expect((await call(staff, 'GET', `/api/ledger/export/monthly?year=${YEAR}`)).statusCode).toBe(400)
    expect((await call(officer, 'GET', `/api/ledger/export/annual?year=${YEAR}`)).statusCode).toBe(403)
  })
})
