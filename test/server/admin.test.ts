import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import type { SessionView } from '../../domain/schemas/auth'
import { chineseDate, renderCannedReply, cannedContextOf } from '../../domain/canned-replies'
import { beijingDay, yearOf } from '../../domain/deadlines/day'
import { COMPLAINT_EXTRAS } from '../helpers/message-fixtures'

let t: TestApp
let admin: SessionView
let staff: SessionView
let reviewer: SessionView
let officer: SessionView
let citizen: SessionView
let outsider: SessionView
const year = yearOf(beijingDay(new Date()))

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login('admin', '管理员甲')
  staff = await t.login('staff', '王五')
  reviewer = await t.login('reviewer', '审核甲')
  officer = await t.login('officer', '干部甲')
  citizen = await t.login('citizen', '群众甲')
  outsider = await t.loginElsewhere(['citizen', 'admin'], '外局管理员')
})
afterAll(() => t.close())

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'
const call = (s: SessionView, method: Method, url: string, payload?: object) => t.app.inject({ method, url, headers: bearer(s), ...(payload ? { payload } : {}) })

describe('what the desk picks from', () => {
  it('departments, topics, people and canned replies: desk roles yes, citizens and officers 403', async () => {
    const lists = ['/api/people', '/api/departments', `/api/topics?year=${year}`, '/api/canned-replies']
    for (const url of lists) {
      expect((await call(staff, 'GET', url)).statusCode).toBe(200)
      expect((await call(admin, 'GET', url)).statusCode).toBe(200)
      for (const who of [citizen, officer]) expect((await call(who, 'GET', url)).statusCode).toBe(403)
    }
    // Reviewers read the inbox and filter it by department, topic and person, but write no replies.
    for (const url of lists.slice(0, 3)) expect((await call(reviewer, 'GET', url)).statusCode).toBe(200)
    expect((await call(reviewer, 'GET', '/api/canned-replies')).statusCode).toBe(403)
  })

  it('people are the desk colleagues of my bureau, filterable, disabled ones only for admins', async () => {
    const res = await call(staff, 'GET', '/api/people')
    const names = res.json().people.map((p: { name: string }) => p.name)
    expect(names).toEqual(expect.arrayContaining(['王五', '管理员甲', '审核甲']))
    expect(names).not.toContain('干部甲')
    expect(names).not.toContain('群众甲')
    expect(names).not.toContain('外局管理员')
    const onlyStaff = await call(staff, 'GET', '/api/people?role=staff')
    expect(onlyStaff.json().people.map((p: { name: string }) => p.name)).toEqual(['王五'])
    expect(onlyStaff.json().people[0]).toEqual({ id: staff.user.id, name: '王五', roles: ['citizen', 'staff'], department: null, disabled: false })
    expect((await call(staff, 'GET', '/api/people?includeDisabled=true')).statusCode).toBe(403)
    expect((await call(admin, 'GET', '/api/people?includeDisabled=true')).statusCode).toBe(200)
  })
})

describe('admin routes are for admins', () => {
  it('staff, reviewers, officers and citizens get 403 on every admin route', async () => {
    const id = '00000000-0000-4000-8000-000000000000'
    const routes: [Method, string, object?][] = [
      ['GET', '/api/admin/departments'],
      ['POST', '/api/admin/departments', { name: '新所' }],
      ['PUT', `/api/admin/departments/${id}`, { name: '新所' }],
      ['GET', '/api/admin/people'],
      ['PUT', `/api/admin/people/${id}`, { disabled: true }],
      ['POST', '/api/admin/topics', { name: '食品安全', year }],
      ['PUT', `/api/admin/topics/${id}`, { active: false }],
      ['POST', '/api/admin/canned-replies', { title: '模板', body: '您好' }],
      ['PUT', `/api/admin/canned-replies/${id}`, { title: '模板' }],
      ['DELETE', `/api/admin/canned-replies/${id}`],
      ['POST', '/api/invitations', { role: 'staff' }]
    ]
    for (const who of [staff, reviewer, officer, citizen]) {
      for (const [method, url, body] of routes) expect([method, url, (await call(who, method, url, body)).statusCode]).toEqual([method, url, 403])
    }
  })
})

describe('departments', () => {
  it('are created and renamed; names are unique in a bureau; another bureau sees none and gets 404', async () => {
    const created = await call(admin, 'POST', '/api/admin/departments', { name: '城关所' })
    expect(created.statusCode).toBe(201)
    const dept = created.json()
    expect(dept).toEqual({ id: expect.any(String), name: '城关所' })
    expect((await call(admin, 'POST', '/api/admin/departments', { name: '城关所' })).statusCode).toBe(409)
    expect((await call(admin, 'POST', '/api/admin/departments', { name: '   ' })).statusCode).toBe(400)
    const renamed = await call(admin, 'PUT', `/api/admin/departments/${dept.id}`, { name: '城关市场监管所' })
    expect(renamed.json()).toEqual({ id: dept.id, name: '城关市场监管所' })
    expect((await call(staff, 'GET', '/api/departments')).json().departments).toContainEqual({ id: dept.id, name: '城关市场监管所' })

    expect((await call(outsider, 'PUT', `/api/admin/departments/${dept.id}`, { name: '抢走' })).statusCode).toBe(404)
    expect((await call(outsider, 'GET', '/api/departments')).json().departments).toEqual([])
  })

  it('the same name, trimmed, is taken by a create or a rename: 409 department_exists', async () => {
    const a = (await call(admin, 'POST', '/api/admin/departments', { name: '消保一科' })).json()
    const b = (await call(admin, 'POST', '/api/admin/departments', { name: '消保二科' })).json()
    const again = await call(admin, 'POST', '/api/admin/departments', { name: ' 消保一科 ' })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ error: 'department_exists', message: '已有名为「消保一科」的部门' })
    const rename = await call(admin, 'PUT', `/api/admin/departments/${b.id}`, { name: '消保一科' })
    expect(rename.statusCode).toBe(409)
    expect(rename.json()).toMatchObject({ error: 'department_exists' })
    // Renaming to its own name is no conflict.
    expect((await call(admin, 'PUT', `/api/admin/departments/${a.id}`, { name: '消保一科' })).statusCode).toBe(200)
  })

  it('two creates of one name at once: one 201, one 409 (the unique index settles what a look-up cannot)', async () => {
    const create = () => call(admin, 'POST', '/api/admin/departments', { name: '并发所' })
    let answers: Awaited<ReturnType<typeof create>>[]
    if (process.env.ZHIBAO_TEST_DB === 'postgres') {
      // Hold both inserts back until both requests are past any look-up and queued on the table,
      // then let them go together: the loser meets the winner's row only in the unique index.
      const { sql } = await import('kysely')
      const { waitFor } = await import('../helpers/wait-for')
      // The lock goes at COMMIT, so the creates are awaited only after the transaction ends.
      const both = await t.db.transaction().execute(async (tx) => {
        await sql`LOCK TABLE department IN SHARE MODE`.execute(tx)
        const pending = Promise.all([create(), create()])
        await waitFor(async () => {
          const { rows } = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM pg_locks
            WHERE NOT granted AND relation = 'department'::regclass AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.execute(tx)
          return rows[0]!.n >= 2
        }, 'both creates waiting on the department table')
        return { pending }
      })
      answers = await both.pending
    } else {
      // PGlite runs one transaction at a time: the second create finds the first's committed row.
      answers = await Promise.all([create(), create()])
    }
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409])
    expect(answers.find((r) => r.statusCode === 409)!.json()).toMatchObject({ error: 'department_exists', message: '已有名为「并发所」的部门' })
    expect((await call(admin, 'GET', '/api/admin/departments')).json().departments.filter((d: { name: string }) => d.name === '并发所')).toHaveLength(1)
  })
})

describe('topics', () => {
  it('are per year, unique per name and year, listed with their state; another bureau gets 404', async () => {
    const a = await call(admin, 'POST', '/api/admin/topics', { name: '食品安全', year })
    expect(a.statusCode).toBe(201)
    expect(a.json()).toEqual({ id: expect.any(String), name: '食品安全', year, active: true })
    const dup = await call(admin, 'POST', '/api/admin/topics', { name: '食品安全', year })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().message).toContain('食品安全')
    // The same name next year is another topic.
    expect((await call(admin, 'POST', '/api/admin/topics', { name: '食品安全', year: year + 1 })).statusCode).toBe(201)
    const b = (await call(admin, 'POST', '/api/admin/topics', { name: '价格监管', year, active: false })).json()

    const listed = await call(staff, 'GET', '/api/topics')
    expect(listed.json().topics).toEqual([
      { id: b.id, name: '价格监管', year, active: false },
      { id: a.json().id, name: '食品安全', year, active: true }
    ])
    expect((await call(staff, 'GET', `/api/topics?year=${year + 1}`)).json().topics.map((x: { name: string }) => x.name)).toEqual(['食品安全'])

    const renamedToTaken = await call(admin, 'PUT', `/api/admin/topics/${b.id}`, { name: '食品安全' })
    expect(renamedToTaken.statusCode).toBe(409)
    expect((await call(admin, 'PUT', `/api/admin/topics/${b.id}`, { active: true })).json()).toMatchObject({ id: b.id, active: true })
    expect((await call(outsider, 'PUT', `/api/admin/topics/${b.id}`, { active: false })).statusCode).toBe(404)
    expect((await call(outsider, 'GET', '/api/topics')).json().topics).toEqual([])
  })

  it('tagging an item accepts only the active topics of this year, and keeps tags the item already has', async () => {
    const author = await t.login('citizen', '群众-主题')
    const msg = (await call(author, 'POST', '/api/messages', { category: 'complaint', ...COMPLAINT_EXTRAS, body: '超市出售过期食品' })).json()
    await call(admin, 'POST', '/api/admin/topics', { name: '节日市场', year })
    const old = (await call(admin, 'POST', '/api/admin/topics', { name: '旧主题', year })).json()

    const unknown = await call(staff, 'POST', `/api/items/${msg.id}/topics`, { topics: ['食品安全', '随便写的'], version: 1 })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json()).toMatchObject({ field: 'topics', error: 'unknown_topic', message: expect.stringContaining('随便写的') })
    expect(unknown.json().message).not.toContain('食品安全、')

    const ok = await call(staff, 'POST', `/api/items/${msg.id}/topics`, { topics: ['食品安全', '旧主题'], version: 1 })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ version: 2, topics: ['食品安全', '旧主题'] })

    // Switched off: no longer offered for new tags, but an item carrying it keeps it.
    await call(admin, 'PUT', `/api/admin/topics/${old.id}`, { active: false })
    const keep = await call(staff, 'POST', `/api/items/${msg.id}/topics`, { topics: ['旧主题', '节日市场'], version: 2 })
    expect(keep.json()).toMatchObject({ version: 3, topics: ['旧主题', '节日市场'] })
    const other = (await call(author, 'POST', '/api/messages', { category: 'complaint', ...COMPLAINT_EXTRAS, body: '另一条' })).json()
    const inactive = await call(staff, 'POST', `/api/items/${other.id}/topics`, { topics: ['旧主题'], version: 1 })
    expect(inactive.statusCode).toBe(400)
    expect(inactive.json().message).toContain('旧主题')
  })
})

describe('topics an officer puts on a case', () => {
  it('are held to the same list: an unknown topic is refused with the list to choose from, an active one is kept', async () => {
    await call(admin, 'POST', '/api/admin/topics', { name: '个体工商户帮扶', year })
    const base = { title: '帮扶个体户', body: '走访西街个体户，现场指导办理年报。', occurredAt: new Date(Date.now() - 3600_000).toISOString(), mediaIds: [] as string[] }
    const unknown = await call(officer, 'POST', '/api/cases', { ...base, clientId: 'topic-case-unknown', topics: ['自己起的主题'] })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json()).toMatchObject({ field: 'topics', error: 'unknown_topic', message: expect.stringContaining('自己起的主题') })
    const ok = await call(officer, 'POST', '/api/cases', { ...base, clientId: 'topic-case-known', topics: ['个体工商户帮扶'] })
    expect(ok.statusCode).toBe(201)
    expect((await call(staff, 'GET', `/api/items/${ok.json().id}`)).json().topics).toEqual(['个体工商户帮扶'])
  })
})

describe('canned replies', () => {
  it('CRUD with the action checked against the table and placeholders checked; the desk lists them', async () => {
    const body = '{称呼}您好：您的留言（留言码 {留言码}）已收悉，{部门}将于{日期}起办理。经办人：{经办人}'
    const created = await call(admin, 'POST', '/api/admin/canned-replies', { title: '已受理', body, action: 'reply' })
    expect(created.statusCode).toBe(201)
    const c = created.json()
    expect(c).toEqual({ id: expect.any(String), title: '已受理', body, action: 'reply' })

    // Only actions that take a reply text: accepting takes none.
    expect((await call(admin, 'POST', '/api/admin/canned-replies', { title: 'x', body: '您好', action: 'accept' })).statusCode).toBe(400)
    const typo = await call(admin, 'POST', '/api/admin/canned-replies', { title: 'x', body: '{称谓}您好' })
    expect(typo.statusCode).toBe(400)
    expect(typo.json()).toMatchObject({ field: 'body', message: expect.stringContaining('{称谓}') })

    const plain = (await call(admin, 'POST', '/api/admin/canned-replies', { title: '感谢', body: '感谢您的监督。' })).json()
    expect(plain.action).toBeNull()
    expect((await call(staff, 'GET', '/api/canned-replies')).json().cannedReplies.map((x: { title: string }) => x.title)).toEqual(['已受理', '感谢'])

    const updated = await call(admin, 'PUT', `/api/admin/canned-replies/${plain.id}`, { body: '{称呼}，感谢您的监督。', action: null })
    expect(updated.json()).toEqual({ id: plain.id, title: '感谢', body: '{称呼}，感谢您的监督。', action: null })

    expect((await call(outsider, 'PUT', `/api/admin/canned-replies/${plain.id}`, { title: '抢走' })).statusCode).toBe(404)
    expect((await call(outsider, 'DELETE', `/api/admin/canned-replies/${plain.id}`)).statusCode).toBe(404)
    expect((await call(outsider, 'GET', '/api/canned-replies')).json().cannedReplies).toEqual([])

    expect((await call(admin, 'DELETE', `/api/admin/canned-replies/${plain.id}`)).statusCode).toBe(204)
    expect((await call(admin, 'DELETE', `/api/admin/canned-replies/${plain.id}`)).statusCode).toBe(404)
    expect((await call(staff, 'GET', '/api/canned-replies')).json().cannedReplies.map((x: { id: string }) => x.id)).toEqual([c.id])
  })

  it('the item detail carries everything a template reads, and the rendered text can be sent as the reply', async () => {
    const dept = (await call(admin, 'POST', '/api/admin/departments', { name: '消保科' })).json()
    const author = await t.login('citizen', '张先生')
    const msg = (await call(author, 'POST', '/api/messages', { category: 'question', body: '营业执照怎么办' })).json()
    await call(staff, 'POST', `/api/items/${msg.id}/actions`, { action: 'accept' })
    await call(staff, 'POST', `/api/items/${msg.id}/assign`, { assigneeId: staff.user.id, departmentId: dept.id, version: 2 })
    const detail = (await call(staff, 'GET', `/api/items/${msg.id}`)).json()
    const now = new Date()
    const text = renderCannedReply('{称呼}您好，留言码 {留言码}，{部门}{经办人}于{日期}答复。', cannedContextOf(detail, now, staff.user.name))
    expect(text).toBe(`张先生您好，留言码 ${detail.trackingCode}，消保科王五于${chineseDate(now)}答复。`)
    expect(detail.trackingCode).toMatch(/^[A-Z0-9]{4,}$/)
    const sent = await call(staff, 'POST', `/api/items/${msg.id}/actions`, { action: 'reply', body: text, version: detail.version })
    expect(sent.statusCode).toBe(200)
    expect(sent.json().status).toBe('replied')
  })
})

describe('people', () => {
  it('an admin lists the bureau’s staff and officers, changes role and department, effective on the next request', async () => {
    const person = await t.login('officer', '干部乙')
    const dept = (await call(admin, 'POST', '/api/admin/departments', { name: '执法大队' })).json()
    const list = (await call(admin, 'GET', '/api/admin/people')).json().people
    expect(list.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['干部乙', '王五', '管理员甲']))
    expect(list.map((p: { name: string }) => p.name)).not.toContain('群众甲')
    expect(list.map((p: { name: string }) => p.name)).not.toContain('外局管理员')

    expect((await call(person, 'GET', '/api/inbox')).statusCode).toBe(403)
    const changed = await call(admin, 'PUT', `/api/admin/people/${person.user.id}`, { roles: ['staff'], departmentId: dept.id })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ id: person.user.id, roles: ['citizen', 'staff'], department: { id: dept.id, name: '执法大队' }, disabled: false })
    // The same token: roles are read on every request.
    expect((await call(person, 'GET', '/api/inbox')).statusCode).toBe(200)

    expect((await call(admin, 'PUT', `/api/admin/people/${person.user.id}`, { departmentId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400)
    expect((await call(admin, 'PUT', `/api/admin/people/${person.user.id}`, {})).statusCode).toBe(400)
    expect((await call(outsider, 'PUT', `/api/admin/people/${person.user.id}`, { disabled: true })).statusCode).toBe(404)
  })

  it('disabling ends every sign-in at once, refuses new ones and refreshes, and can be undone', async () => {
    const person = await t.login('staff', '赵六')
    const second = await t.login('staff', '赵六')
    expect((await call(person, 'GET', '/api/me')).statusCode).toBe(200)
    const off = await call(admin, 'PUT', `/api/admin/people/${person.user.id}`, { disabled: true })
    expect(off.json()).toMatchObject({ disabled: true })
    for (const s of [person, second]) expect((await call(s, 'GET', '/api/me')).statusCode).toBe(401)
    const refresh = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: second.refreshToken } })
    expect(refresh.statusCode).toBe(401)
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { role: 'staff', name: '赵六' } })
    expect(again.statusCode).toBe(403)
    expect(again.json().message).toContain('停用')

    // Not offered for new work, listed for admins who ask.
    expect((await call(staff, 'GET', '/api/people')).json().people.map((p: { name: string }) => p.name)).not.toContain('赵六')
    expect((await call(admin, 'GET', '/api/people?includeDisabled=true')).json().people).toContainEqual(expect.objectContaining({ name: '赵六', disabled: true }))
    const author = await t.login('citizen', '群众-分派')
    const msg = (await call(author, 'POST', '/api/messages', { category: 'complaint', ...COMPLAINT_EXTRAS, body: '噪音扰民' })).json()
    expect((await call(staff, 'POST', `/api/items/${msg.id}/assign`, { assigneeId: person.user.id, version: 1 })).statusCode).toBe(400)

    expect((await call(admin, 'PUT', `/api/admin/people/${person.user.id}`, { disabled: false })).json()).toMatchObject({ disabled: false })
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { role: 'staff', name: '赵六' } })).statusCode).toBe(200)
  })

  it('the bureau keeps one enabled admin: no self-disable, no demoting or disabling the last one', async () => {
    const self = await call(admin, 'PUT', `/api/admin/people/${admin.user.id}`, { disabled: true })
    expect(self.statusCode).toBe(409)
    const demote = await call(admin, 'PUT', `/api/admin/people/${admin.user.id}`, { roles: ['staff'] })
    expect(demote.statusCode).toBe(409)
    expect(demote.json().message).toContain('管理员')

    const deputy = await t.login('admin', '管理员乙')
    // With a second admin, one may step down; the other is then the last and cannot be disabled.
    expect((await call(admin, 'PUT', `/api/admin/people/${admin.user.id}`, { roles: ['staff', 'admin'] })).statusCode).toBe(200)
    expect((await call(deputy, 'PUT', `/api/admin/people/${admin.user.id}`, { roles: ['staff'] })).statusCode).toBe(200)
    expect((await call(admin, 'GET', '/api/admin/people')).statusCode).toBe(403)
    expect((await call(deputy, 'PUT', `/api/admin/people/${deputy.user.id}`, { roles: ['staff'] })).statusCode).toBe(409)
    // Restore for the other tests' sake.
    expect((await call(deputy, 'PUT', `/api/admin/people/${admin.user.id}`, { roles: ['admin'] })).statusCode).toBe(200)
  })
})

describe('invitations', () => {
  it('the answer carries a QR code of the code, drawn as SVG by the server', async () => {
    const res = await call(admin, 'POST', '/api/invitations', { role: 'staff' })
    expect(res.statusCode).toBe(201)
    const inv = res.json()
    expect(inv.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(inv.qrSvg).toContain('<path')
    expect(inv.qrSvg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/)
    // Different codes draw different pictures.
    const other = (await call(admin, 'POST', '/api/invitations', { role: 'staff' })).json()
    expect(other.qrSvg).not.toBe(inv.qrSvg)
  })
})
