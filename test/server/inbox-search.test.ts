import { sql } from 'kysely'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { insertItem } from '../helpers/inbox-fixtures'
import { seedDesk } from '../helpers/inbox-seed'
import { analyzeDatabase } from '../../server/db/connect'
import { inboxStatement, listInbox, type InboxPageFilter } from '../../server/repositories/inbox'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let staff: SessionView
const id: Record<string, string> = {}
beforeAll(async () => {
  t = await createTestApp()
  staff = await t.login('staff', '王五')
  const citizen = await t.login('citizen', '张三')
  const officer = await t.login('officer', '赵干部')
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000)
  const c = citizen.user.id
  id.A = await insertItem(t.db, t.orgId, { kind: 'message', category: 'complaint', authorId: c, body: '小区门口井盖破损，夜里很危险', createdAt: at(60) })
  id.B = await insertItem(t.db, t.orgId, { kind: 'case', authorId: officer.user.id, title: '井盖更换', body: '城关镇更换井盖 3 个，车牌 粤B12345 的工程车', createdAt: at(50) })
  id.C = await insertItem(t.db, t.orgId, { kind: 'message', category: 'tipoff', authorId: c, body: '夜市烧烤噪音扰民', createdAt: at(40) })
  id.D = await insertItem(t.db, t.orgId, { kind: 'message', category: 'praise', authorId: c, body: '统一社会信用代码 91440300MA5FXXXX1X 的企业服务好，联系电话 13812345678', createdAt: at(30) })
  id.E = await insertItem(t.db, t.orgId, { kind: 'case', authorId: officer.user.id, title: '节前食品安全检查', body: '检查 32 户经营户', topics: ['食品安全'], createdAt: at(20) })
  id.F = await insertItem(t.db, t.orgId, { kind: 'message', category: 'question', status: 'accepted', authorId: c, body: '个体工商户年报几月截止', createdAt: at(10) })
}, 120_000)
afterAll(() => t.close())

type Row = { id: string; match: { snippet: string; ranges: [number, number][] } | null }
const search = async (q: string, extra = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/inbox?limit=100&q=${encodeURIComponent(q)}${extra}`, headers: bearer(staff) })
  expect([q, res.statusCode]).toEqual([q, 200])
  return res.json().items as Row[]
}
const letters = (rows: Row[]) => rows.map((r) => Object.keys(id).find((k) => id[k] === r.id) ?? r.id).sort()
const marked = (r: Row) => r.match!.ranges.map(([a, b]) => r.match!.snippet.slice(a, b))

describe('Chinese search over title, body, replies and notes', () => {
  it('finds 2-character words and marks each match', async () => {
    expect(letters(await search('井盖'))).toEqual(['A', 'B'])
    expect(letters(await search('噪音'))).toEqual(['C'])
    expect(letters(await search('年报'))).toEqual(['F'])
    const [b] = await search('井盖', '&kind=case')
    // Title and body both hold the word: every occurrence in the snippet is marked.
    expect(b!.match!.snippet).toContain('井盖更换')
    expect(marked(b!)).toEqual(['井盖', '井盖'])
    const plain = await t.app.inject({ method: 'GET', url: '/api/inbox', headers: bearer(staff) })
    expect(plain.json().items.every((r: Row) => r.match === null)).toBe(true)
  })

  it('finds 1-character and 4-character words, and every word of a multi-word query', async () => {
    expect(letters(await search('井'))).toEqual(['A', 'B'])
    expect(letters(await search('噪'))).toEqual(['C'])
    // E has 食品安全 as its title; topics are not text, so only the words count.
    expect(letters(await search('食品安全'))).toEqual(['E'])
    expect(letters(await search('井盖 危险'))).toEqual(['A'])
    expect(letters(await search('井盖　更换'))).toEqual(['B'])
    expect(letters(await search('井盖 噪音'))).toEqual([])
  })

  it('finds licence plates, phone fragments and 统一社会信用代码 in any letter case', async () => {
    expect(letters(await search('粤B12345'))).toEqual(['B'])
    expect(letters(await search('b12345'))).toEqual(['B'])
    // A caseless term beside a cased one: each is looked up its own way.
    expect(letters(await search('粤b12345 12345'))).toEqual(['B'])
    expect(letters(await search('12345678'))).toEqual(['D'])
    // Both the plate and the phone number contain 1234.
    expect(letters(await search('1234'))).toEqual(['B', 'D'])
    expect(letters(await search('91440300MA5FXXXX1X'))).toEqual(['D'])
    const [d] = await search('ma5f')
    expect(marked(d!)).toEqual(['MA5F'])
  })

  it('treats LIKE wildcards and quotes as plain text', async () => {
    for (const q of ['%', '_', '\\', "'", '%_%', '井%']) expect([q, letters(await search(q))]).toEqual([q, []])
  })

  it('finds text added later: a reply, an internal note, an edited case', async () => {
    const reply = await t.app.inject({ method: 'POST', url: `/api/items/${id.F}/reply`, headers: bearer(staff), payload: { body: '请登录电子营业执照小程序办理' } })
    expect(reply.statusCode).toBe(200)
    expect(letters(await search('电子营业执照'))).toEqual(['F'])
    await t.db.insertInto('item_event').values({ org_id: t.orgId, item_id: id.C, actor_id: staff.user.id, action: 'note', body: '@李四 请去夜市现场核实', is_public: false }).execute()
    const [c] = await search('核实')
    expect(c!.id).toBe(id.C)
    expect(marked(c!)).toEqual(['核实'])
    await t.db.updateTable('case_report').set({ title: '窨井盖更换' }).where('item_id', '=', id.B).execute()
    expect(letters(await search('窨井'))).toEqual(['B'])
  })

  it('combines with filters, sorts and paging', async () => {
    expect(letters(await search('井盖', '&kind=message'))).toEqual(['A'])
    expect(letters(await search('井盖', '&hasPhotos=true'))).toEqual([])
    const pages: string[] = []
    let cursor: string | null = null
    do {
      const res = await t.app.inject({ method: 'GET', url: `/api/inbox?q=${encodeURIComponent('井')}&sort=oldest_waiting&limit=1${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(staff) })
      const page = res.json() as { items: Row[]; nextCursor: string | null }
      pages.push(...page.items.map((r) => r.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(pages).toEqual([id.A, id.B])
    const saved = await t.app.inject({ method: 'POST', url: '/api/inbox/views', headers: bearer(staff), payload: { label: '井盖', query: { q: '井盖' } } })
    const counts = (await t.app.inject({ method: 'GET', url: '/api/inbox/counts', headers: bearer(staff) })).json().views
    expect(counts.find((v: { id: string }) => v.id === saved.json().id).count).toBe(2)
  })
})

describe('the bigram index', () => {
  beforeAll(async () => {
    await seedDesk(t.db, t.orgId, 4000)
    await analyzeDatabase(t.db)
  }, 120_000)

  it('is used for 2-character words on this engine (EXPLAIN)', async () => {
    const viewer = { id: staff.user.id, orgId: t.orgId, now: new Date() }
    for (const q of ['井盖', '噪音', '年报']) {
      for (const sort of ['newest', 'due_soonest'] as const) {
        const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${inboxStatement(viewer, { q, sort }, { limit: 20 })}`.execute(t.db)
        const plan = rows.map((r) => r['QUERY PLAN']).join('\n')
        expect([q, sort, plan]).toEqual([q, sort, expect.stringContaining('item_search_bigrams_idx')])
      }
    }
  })

  it('finds the seeded words among thousands of items', async () => {
    const rows = await search('井盖')
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.every((r) => marked(r).includes('井盖'))).toBe(true)
  })

  it('the newest-rows window and the index return the same pages, whatever the window holds', async () => {
    const viewer = { id: staff.user.id, orgId: t.orgId, now: new Date() }
    const sign = (id: string) => id
    // Every page of a search through a window of `searchWindow` rows (undefined: the default).
    const walk = async (filter: InboxPageFilter, searchWindow?: number) => {
      const ids: string[] = []
      let cursor: string | undefined
      do {
        const page = await listInbox(t.db, viewer, filter, { limit: 7, cursor, searchWindow }, sign)
        ids.push(...page.items.map((i) => i.id))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return ids
    }
    for (const filter of [{ q: '井盖', sort: 'newest' }, { q: '年报', sort: 'due_soonest' }, { q: '食品安全', sort: 'priority' }, { q: '噪音 夜间', sort: 'oldest_waiting' }] as const) {
      const exact = (await inboxStatement(viewer, filter, { limit: 10_000 }).execute(t.db)).rows.map((r) => r.id)
      expect(exact.length).toBeGreaterThan(7)
      // 30 rows: most pages come from the index; 10,000: every page from the window.
      for (const w of [30, undefined]) expect([filter.q, w, await walk(filter, w)]).toEqual([filter.q, w, exact])
    }
  })
})

