import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { insertItem, type ItemSpec } from '../helpers/inbox-fixtures'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let staff: SessionView
beforeAll(async () => {
  t = await createTestApp()
  staff = await t.login('staff', '王五')
})
afterAll(() => t.close())

type Page = { items: { id: string; [k: string]: unknown }[]; nextCursor: string | null }
const get = (url: string, who: { token: string } = staff) => t.app.inject({ method: 'GET', url, headers: bearer(who) })
const ids = async (url: string) => {
  const res = await get(url)
  expect(res.statusCode).toBe(200)
  return (res.json() as Page).items.map((i) => i.id)
}

/** Every page of a listing at `limit` rows, asserting each page is full until the last. */
async function allPages(url: string, limit: number): Promise<string[]> {
  const seen: string[] = []
  let cursor: string | null = null
  for (let guard = 0; guard < 100; guard++) {
    const sep = url.includes('?') ? '&' : '?'
    const res = await get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
    expect(res.statusCode).toBe(200)
    const page = res.json() as Page
    seen.push(...page.items.map((i) => i.id))
    cursor = page.nextCursor
    if (!cursor) return seen
    expect(page.items).toHaveLength(limit)
  }
  throw new Error('paging did not end')
}

describe('paging and bureaus', () => {
  it('pages newest first without skipping or repeating, and filters by status', async () => {
    const created: string[] = []
    for (let i = 0; i < 7; i++) {
      const citizen = await t.login('citizen', `群众${i}`)
      const res = await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category: 'question', body: `问题 ${i}` } })
      created.push(res.json().id)
    }
    // Same created_at for two rows: the id breaks the tie, so the cursor stays exact.
    await t.db.updateTable('item').set({ created_at: new Date('2026-01-01T00:00:00.123456Z') }).where('id', 'in', created.slice(2, 4)).execute()

    const seen = await allPages('/api/inbox', 3)
    expect(seen).toHaveLength(7)
    expect(new Set(seen).size).toBe(7)
    expect(seen.slice(0, 5)).toEqual([created[6], created[5], created[4], created[1], created[0]])

    await t.app.inject({ method: 'POST', url: `/api/items/${created[0]}/actions`, headers: bearer(staff), payload: { action: 'accept' } })
    expect(await ids('/api/inbox?status=accepted')).toEqual([created[0]])
    const bad = await get('/api/inbox?status=lost')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toMatch(/状态.*可选/)
    // Leave the next tests a clean desk.
    await t.db.deleteFrom('item').where('id', 'in', created).execute()
  })

  it('each bureau sees only its own inbox', async () => {
    const other = await t.db.insertInto('org').values({ name: '邻县局' }).returning('id').executeTakeFirstOrThrow()
    const outsider = await t.db.insertInto('app_user').values({ org_id: other.id, name: '外单位', roles: ['staff'] }).returning(['id', 'org_id']).executeTakeFirstOrThrow()
    const citizen = await t.login('citizen', '本县群众')
    await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category: 'question', body: '本县的留言' } })
    const token = { token: (await t.app.openSession(outsider)).token }
    const res = await get('/api/inbox', token)
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toEqual([])
    const counts = await get('/api/inbox/counts', token)
    expect(counts.json().views.every((v: { count: number }) => v.count === 0)).toBe(true)
    await t.db.deleteFrom('item').execute()
  })
})

describe('即将超期 is the working-day rule of the row highlight', () => {
  it('lists what is due before the end of the next working day, not what is due within 24 hours; counts and highlight agree', async () => {
    const { orgCalendar } = await import('../../server/services/deadlines')
    const { dueSoonBefore } = await import('../../domain/deadlines/describe-due')
    const citizen = await t.login('citizen', '群众-到期')
    const horizon = dueSoonBefore(await orgCalendar(t.db, t.orgId), new Date())
    // Just inside and just outside the horizon: on a Friday the inside one is more than 24 h away.
    const inside = await insertItem(t.db, t.orgId, { kind: 'message', category: 'question', status: 'new', authorId: citizen.user.id, dueAt: new Date(horizon.getTime() - 60_000), body: '到期边界内' })
    const outside = await insertItem(t.db, t.orgId, { kind: 'message', category: 'question', status: 'new', authorId: citizen.user.id, dueAt: new Date(horizon.getTime() + 60_000), body: '到期边界外' })
    expect(await ids('/api/inbox?dueSoon=true')).toEqual([inside])
    expect(await ids('/api/inbox?view=due_soon')).toEqual([inside])
    const rows = (await get('/api/inbox')).json().items as { id: string; due: { dueSoon: boolean } }[]
    expect(rows.find((r) => r.id === inside)!.due.dueSoon).toBe(true)
    expect(rows.find((r) => r.id === outside)!.due.dueSoon).toBe(false)
    const counts = (await get('/api/inbox/counts')).json().views as { id: string; count: number }[]
    expect(counts.find((v) => v.id === 'due_soon')!.count).toBe(1)
    await t.db.deleteFrom('item').where('id', 'in', [inside, outside]).execute()
  })

  it('on a Friday an item due Monday is due soon (72 h away), Tuesday’s is not: filter, count, highlight and the 09:00 reminder agree', async () => {
    const { orgCalendar } = await import('../../server/services/deadlines')
    const { viewerFor } = await import('../../server/services/inbox-filter')
    const { listInbox, countInbox } = await import('../../server/repositories/inbox')
    const { dueView } = await import('../../domain/deadlines/describe-due')
    const { runOrgReminders } = await import('../../server/jobs/reminders')
    // Friday 16 October 2026, 09:00 Beijing; Monday the 19th is the next working day.
    const friday = new Date('2026-10-16T09:00:00+08:00')
    const mondayDue = new Date('2026-10-19T17:00:00+08:00')
    const tuesdayDue = new Date('2026-10-20T17:00:00+08:00')
    expect(mondayDue.getTime() - friday.getTime()).toBeGreaterThan(24 * 3600_000)
    const citizen = await t.login('citizen', '群众-周五')
    const duty = await t.login('staff', '周五值班')
    const spec = { kind: 'message' as const, category: 'question' as const, status: 'new', authorId: citizen.user.id, assigneeId: duty.user.id }
    const monday = await insertItem(t.db, t.orgId, { ...spec, dueAt: mondayDue, body: '周一到期' })
    const tuesday = await insertItem(t.db, t.orgId, { ...spec, dueAt: tuesdayDue, body: '周二到期' })

    const filter = { dueSoon: true, assignee: duty.user.id }
    const viewer = await viewerFor(t.db, { id: staff.user.id, orgId: t.orgId }, [filter], friday)
    const page = await listInbox(t.db, viewer, { ...filter, sort: 'due_soonest' }, { limit: 10 }, () => '')
    expect(page.items.map((i) => i.id)).toEqual([monday])
    expect(await countInbox(t.db, viewer, [filter])).toEqual([1])
    const calendar = await orgCalendar(t.db, t.orgId)
    expect(dueView(calendar, friday, mondayDue)!.dueSoon).toBe(true)
    expect(dueView(calendar, friday, tuesdayDue)!.dueSoon).toBe(false)

    await runOrgReminders(t.db, t.orgId, friday)
    const told = await t.db.selectFrom('notification').select(['kind', 'item_id']).where('user_id', '=', duty.user.id).execute()
    expect(told).toEqual([{ kind: 'due_soon', item_id: monday }])
    await t.db.deleteFrom('notification').where('user_id', '=', duty.user.id).execute()
    await t.db.deleteFrom('item').where('id', 'in', [monday, tuesday]).execute()
  })
})

describe('filters, sorts and views over a fixed desk', () => {
  // Letters name the fixture items; every expectation below is written out by hand from this table.
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000)
  const hours = (h: number) => new Date(Date.now() + h * 3600_000)
  const id: Record<string, string> = {}
  let colleague: SessionView
  let deptA: string
  let deptB: string

  beforeAll(async () => {
    colleague = await t.login('staff', '李四')
    const citizen = await t.login('citizen', '张三')
    const officer = await t.login('officer', '赵干部')
    deptA = (await t.db.insertInto('department').values({ org_id: t.orgId, name: '城关所' }).returning('id').executeTakeFirstOrThrow()).id
    deptB = (await t.db.insertInto('department').values({ org_id: t.orgId, name: '消保科' }).returning('id').executeTakeFirstOrThrow()).id
    const me = staff.user.id
    const li = colleague.user.id
    const tie1 = at(60)
    const tie2 = at(40)
    const specs: Record<string, Omit<ItemSpec, 'authorId'> & { by: 'citizen' | 'officer' }> = {
      A: { by: 'citizen', kind: 'message', category: 'complaint', status: 'new', assigneeId: me, departmentId: deptA, dueAt: hours(-2), priority: 2, topics: ['食品安全'], body: '小区门口井盖破损，夜里很危险', createdAt: at(100) },
      B: { by: 'citizen', kind: 'message', category: 'question', status: 'accepted', assigneeId: me, departmentId: deptB, dueAt: hours(3), body: '个体工商户年报几月截止', createdAt: at(90) },
      C: { by: 'citizen', kind: 'message', category: 'tipoff', status: 'replied', assigneeId: li, dueAt: hours(-3), body: '夜市烧烤噪音扰民', createdAt: at(80) },
      D: { by: 'citizen', kind: 'message', category: 'complaint', status: 'closed', body: '超市牛奶过期', createdAt: at(70) },
      E: { by: 'officer', kind: 'case', status: 'new', departmentId: deptA, dueAt: hours(24 * 20), priority: 1, topics: ['食品安全', '节日'], photos: 2, title: '节前食品安全检查', body: '检查 32 户经营户', createdAt: tie1 },
      F: { by: 'officer', kind: 'case', status: 'returned', assigneeId: me, photos: 1, title: '井盖更换', body: '更换井盖 3 个', createdAt: tie1 },
      G: { by: 'citizen', kind: 'message', category: 'praise', status: 'new', priority: 1, dueAt: hours(5), body: '窗口服务好', createdAt: at(50) },
      H: { by: 'citizen', kind: 'message', category: 'complaint', status: 'new', assigneeId: li, departmentId: deptB, dueAt: hours(24 * 21), priority: 2, body: '噪音', createdAt: tie2 },
      I: { by: 'citizen', kind: 'message', category: 'question', status: 'new', body: '年报怎么报', createdAt: tie2 }
    }
    for (const [letter, { by, ...spec }] of Object.entries(specs)) {
      id[letter] = await insertItem(t.db, t.orgId, { ...spec, authorId: by === 'citizen' ? citizen.user.id : officer.user.id })
    }
  })

  const letters = (list: string[]) => list.map((x) => Object.keys(id).find((k) => id[k] === x) ?? x)
  const set = async (query: string) => letters(await ids(`/api/inbox?limit=100&${query}`)).sort()

  it('filters by kind, bucket, status, category, topic, department, assignee, deadline, priority and photos', async () => {
    expect(await set('')).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'])
    expect(await set('kind=case')).toEqual(['E', 'F'])
    expect(await set('kind=message')).toEqual(['A', 'B', 'C', 'D', 'G', 'H', 'I'])
    expect(await set('bucket=open')).toEqual(['A', 'B', 'E', 'G', 'H', 'I'])
    expect(await set('bucket=waiting')).toEqual(['C', 'F'])
    expect(await set('bucket=closed')).toEqual(['D'])
    expect(await set('status=new')).toEqual(['A', 'E', 'G', 'H', 'I'])
    expect(await set('status=new&kind=case')).toEqual(['E'])
    expect(await set('category=complaint')).toEqual(['A', 'D', 'H'])
    expect(await set(`topic=${encodeURIComponent('食品安全')}`)).toEqual(['A', 'E'])
    expect(await set(`topic=${encodeURIComponent('节日')}`)).toEqual(['E'])
    expect(await set(`department=${deptA}`)).toEqual(['A', 'E'])
    expect(await set(`department=${deptB}`)).toEqual(['B', 'H'])
    expect(await set('assignee=me')).toEqual(['A', 'B', 'F'])
    expect(await set('assignee=unassigned')).toEqual(['D', 'E', 'G', 'I'])
    expect(await set(`assignee=${colleague.user.id}`)).toEqual(['C', 'H'])
    // C is past due but waiting on the citizen: its clock is not ours.
    expect(await set('overdue=true')).toEqual(['A'])
    expect(await set('dueSoon=true')).toEqual(['B', 'G'])
    expect(await set('priority=2')).toEqual(['A', 'H'])
    expect(await set('priority=1')).toEqual(['E', 'G'])
    expect(await set('hasPhotos=true')).toEqual(['E', 'F'])
    expect(await set('hasPhotos=false')).toEqual(['A', 'B', 'C', 'D', 'G', 'H', 'I'])
    expect(await set(`assignee=me&bucket=open&department=${deptA}`)).toEqual(['A'])
  })

  it('answers every row with what a dense desk list shows', async () => {
    const res = await get(`/api/inbox?kind=case&sort=priority`)
    const [e, f] = res.json().items
    expect(e).toMatchObject({ id: id.E, kind: 'case', status: 'new', bucket: 'open', title: '节前食品安全检查', excerpt: '检查 32 户经营户', departmentId: deptA, departmentName: '城关所', assigneeId: null, assigneeName: null, priority: 1, topics: ['食品安全', '节日'], photoCount: 2, authorName: '赵干部', match: null, version: 1 })
    expect(e.thumbUrls).toHaveLength(2)
    expect(new Date(e.dueAt).getTime()).toBeGreaterThan(Date.now())
    expect(f).toMatchObject({ id: id.F, bucket: 'waiting', assigneeId: staff.user.id, assigneeName: '王五', photoCount: 1, dueAt: null })
    const [a] = (await get(`/api/inbox?priority=2&sort=oldest_waiting`)).json().items
    expect(a).toMatchObject({ id: id.A, category: 'complaint', title: null, departmentName: '城关所', photoCount: 0, thumbUrls: [] })
  })

  it('pages every sort in its order with no duplicates or gaps, at every page size', async () => {
    // Ties: E and F share created_at, H and I too; the id decides between them.
    const byId = (x: string, y: string) => (id[x]! < id[y]! ? -1 : 1)
    const [ef, fe] = [['E', 'F'].sort(byId), ['E', 'F'].sort(byId).reverse()]
    const [hi, ih] = [['H', 'I'].sort(byId), ['H', 'I'].sort(byId).reverse()]
    const expected: Record<string, string[]> = {
      newest: [...ih, 'G', ...fe, 'D', 'C', 'B', 'A'],
      oldest_waiting: ['A', 'B', 'C', 'D', ...ef, 'G', ...hi],
      // Due first (overdue ones lead), then items without a deadline, by id.
      due_soonest: ['C', 'A', 'B', 'G', 'E', 'H', ...['D', 'F', 'I'].sort(byId)],
      // Highest priority first, then the longest waiting.
      priority: ['A', 'H', 'E', 'G', 'B', 'C', 'D', 'F', 'I']
    }
    for (const [sort, order] of Object.entries(expected)) {
      for (const limit of [1, 2, 4, 9, 20]) {
        expect([sort, limit, letters(await allPages(`/api/inbox?sort=${sort}`, limit))]).toEqual([sort, limit, order])
      }
    }
    // A filter and a sort together keep paging exact.
    expect(letters(await allPages('/api/inbox?sort=priority&bucket=open', 2))).toEqual(['A', 'H', 'E', 'G', 'B', 'I'])
  })

  it('refuses a cursor it did not make, or one made for another sort', async () => {
    const first = (await get('/api/inbox?limit=2&sort=newest')).json() as Page
    expect(first.nextCursor).toBeTruthy()
    const forged = [
      'garbage!',
      '0',
      '1',
      Buffer.from('[]').toString('base64url'),
      Buffer.from('["newest","2026-01-01T00:00:00Z"]').toString('base64url'),
      Buffer.from('["newest","+275760-09-13T00:00:00Z","00000000-0000-4000-8000-000000000000"]').toString('base64url'),
      Buffer.from('["newest","2026-01-01T00:00:00Z","not-a-uuid"]').toString('base64url'),
      Buffer.from('["newest", "2026-01-01T00:00:00Z","00000000-0000-4000-8000-000000000000"]').toString('base64url'),
      Buffer.from('["priority",1.5,"2026-01-01T00:00:00Z","00000000-0000-4000-8000-000000000000"]').toString('base64url'),
      first.nextCursor + '=',
      first.nextCursor!.slice(0, -2)
    ]
    for (const cursor of forged) {
      const res = await get(`/api/inbox?cursor=${encodeURIComponent(cursor)}`)
      // Not base64url at all: the query schema's cursor format refuses it before the decoder sees it.
      const code = /^[A-Za-z0-9_-]+$/.test(cursor) ? 'bad_cursor' : 'bad_request'
      expect([cursor, res.statusCode, res.json().error]).toEqual([cursor, 400, code])
      expect(res.json().message).toContain('游标')
    }
    const wrongSort = await get(`/api/inbox?sort=oldest_waiting&cursor=${first.nextCursor}`)
    expect(wrongSort.statusCode).toBe(400)
    expect(wrongSort.json().error).toBe('bad_cursor')
  })

  it('built-in views list what their names say, and counts agree with the lists', async () => {
    const expected: Record<string, string[]> = {
      mine: ['A', 'B'],
      unassigned: ['E', 'G', 'I'],
      due_soon: ['B', 'G'],
      overdue: ['A'],
      open: ['A', 'B', 'E', 'G', 'H', 'I']
    }
    for (const [view, list] of Object.entries(expected)) expect([view, await set(`view=${view}`)]).toEqual([view, list])
    const counts = (await get('/api/inbox/counts')).json().views as { id: string; label: string; count: number; builtin: boolean }[]
    expect(counts.map((v) => [v.id, v.label, v.count])).toEqual([
      ['mine', '我的待办', 2],
      ['unassigned', '未分派', 3],
      ['due_soon', '即将超期', 2],
      ['overdue', '已超期', 1],
      ['open', '全部待处理', 6]
    ])
    // 我的待办 is the viewer's own: the colleague sees H there, not A and B.
    expect(letters((await get('/api/inbox?view=mine', colleague)).json().items.map((i: { id: string }) => i.id))).toEqual(['H'])
    // An explicit parameter narrows or overrides the view's own.
    expect(await set('view=open&kind=case')).toEqual(['E'])
    expect(letters(await ids('/api/inbox?view=unassigned&sort=newest'))).toEqual(['I', 'G', 'E'])
  })

  it('staff save their own views, see them counted, and use them; nobody else can', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/inbox/views', headers: bearer(staff), payload: { label: '食品安全投诉', query: { topic: '食品安全', kind: 'message', sort: 'oldest_waiting' } } })
    expect(created.statusCode).toBe(201)
    const view = created.json()
    expect(view).toMatchObject({ label: '食品安全投诉', query: { topic: '食品安全', kind: 'message', sort: 'oldest_waiting' } })
    expect(await set(`view=${view.id}`)).toEqual(['A'])

    const dup = await t.app.inject({ method: 'POST', url: '/api/inbox/views', headers: bearer(staff), payload: { label: '食品安全投诉', query: {} } })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().message).toMatch(/已有名为/)
    const badQuery = await t.app.inject({ method: 'POST', url: '/api/inbox/views', headers: bearer(staff), payload: { label: '坏视图', query: { cursor: 'x' } } })
    expect(badQuery.statusCode).toBe(400)
    const blank = await t.app.inject({ method: 'POST', url: '/api/inbox/views', headers: bearer(staff), payload: { label: '   ', query: {} } })
    expect(blank.statusCode).toBe(400)

    const counts = (await get('/api/inbox/counts')).json().views
    expect(counts[counts.length - 1]).toEqual({ id: view.id, label: '食品安全投诉', builtin: false, count: 1 })

    const updated = await t.app.inject({ method: 'PUT', url: `/api/inbox/views/${view.id}`, headers: bearer(staff), payload: { label: '食品安全', query: { topic: '食品安全' } } })
    expect(updated.statusCode).toBe(200)
    expect(await set(`view=${view.id}`)).toEqual(['A', 'E'])
    expect((await get('/api/inbox/views')).json().views.map((v: { label: string }) => v.label)).toEqual(['食品安全'])

    // The colleague cannot see, use, change or delete it: it does not exist for them.
    expect((await get('/api/inbox/views', colleague)).json().views).toEqual([])
    expect((await get(`/api/inbox?view=${view.id}`, colleague)).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'PUT', url: `/api/inbox/views/${view.id}`, headers: bearer(colleague), payload: { label: '抢', query: {} } })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'DELETE', url: `/api/inbox/views/${view.id}`, headers: bearer(colleague) })).statusCode).toBe(404)

    expect((await t.app.inject({ method: 'DELETE', url: `/api/inbox/views/${view.id}`, headers: bearer(staff) })).statusCode).toBe(204)
    expect((await get(`/api/inbox?view=${view.id}`)).statusCode).toBe(404)
  })

  it('a saved view of another bureau is not found', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/inbox/views', headers: bearer(staff), payload: { label: '本局视图', query: { bucket: 'open' } } })
    const token = await t.loginElsewhere()
    expect((await get(`/api/inbox?view=${created.json().id}`, token)).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'DELETE', url: `/api/inbox/views/${created.json().id}`, headers: bearer(token) })).statusCode).toBe(404)
    expect((await get('/api/inbox?view=open', token)).json().items).toEqual([])
  })

  it('officers and citizens cannot read the desk (403); reviewers can', async () => {
    const officer = await t.login('officer', '赵干部')
    const citizen = await t.login('citizen', '张三')
    for (const who of [officer, citizen]) {
      for (const url of ['/api/inbox', '/api/inbox/counts', '/api/inbox/views', '/api/inbox?q=井盖']) expect([url, (await get(url, who)).statusCode]).toEqual([url, 403])
      const post = await t.app.inject({ method: 'POST', url: '/api/inbox/views', headers: bearer(who), payload: { label: 'x', query: {} } })
      expect(post.statusCode).toBe(403)
    }
    const reviewer = await t.login('reviewer', '钱审核')
    expect((await get('/api/inbox?view=open', reviewer)).statusCode).toBe(200)
  })

  it('rejects malformed parameters with a Chinese message naming the field', async () => {
    for (const [query, field] of [
      ['assignee=someone', '负责人'],
      ['view=everything', '视图'],
      ['sort=random', '排序'],
      ['priority=7', '优先级'],
      ['department=12', '部门'],
      ['overdue=maybe', '已超期'],
      [`q=${'长'.repeat(51)}`, '搜索内容']
    ]) {
      const res = await get(`/api/inbox?${query}`)
      expect([query, res.statusCode]).toEqual([query, 400])
      expect(res.json().message).toContain(field)
    }
  })
})
