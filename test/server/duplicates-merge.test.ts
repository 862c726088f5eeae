import fs from 'node:fs'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import type { SessionView } from '../../domain/schemas/auth'
import type { DuplicateCandidate } from '../../domain/schemas/triage'
import { insertItem } from '../helpers/inbox-fixtures'

let t: TestApp
let staff: SessionView
let colleague: SessionView
let reviewer: SessionView
let officer: SessionView
let outsider: { token: string }
let serial = 0

beforeAll(async () => {
  t = await createTestApp()
  staff = await t.login('staff', '王五')
  colleague = await t.login('staff', '李四')
  reviewer = await t.login('reviewer', '审核甲')
  officer = await t.login('officer', '干部甲')
  outsider = await t.loginElsewhere()
})
afterAll(() => t.close())

const post = (s: { token: string }, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(s), payload })
const get = (s: { token: string }, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(s) })
const detail = async (s: { token: string }, id: string) => (await get(s, `/api/items/${id}`)).json()
const duplicates = async (id: string, s: { token: string } = staff) => {
  const res = await get(s, `/api/items/${id}/duplicates`)
  expect(res.statusCode).toBe(200)
  return res.json().candidates as DuplicateCandidate[]
}

async function message(body: string, opts: { author?: SessionView; phone?: string } = {}): Promise<{ id: string; trackingCode: string; author: SessionView }> {
  const author = opts.author ?? (await t.login('citizen', `群众-${++serial}`))
  const res = await post(author, '/api/messages', { category: 'tipoff', body, ...(opts.phone ? { contactPhone: opts.phone } : {}) })
  expect(res.statusCode).toBe(201)
  return { id: res.json().id, trackingCode: res.json().trackingCode, author }
}

describe('GET /api/items/:id/duplicates on the labelled messages', () => {
  const rows = fs
    .readFileSync('/work/shared/data/triage-dev.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; kind: string; text: string })
  const ids = new Map<string, string>()

  beforeAll(async () => {
    const author = await t.login('citizen', '数据作者')
    // Each labelled text from its own citizen (so 'author' says nothing), as items of this bureau.
    for (const r of rows) {
      const who = await t.db.insertInto('app_user').values({ org_id: t.orgId, name: `作者${r.id}`, roles: [r.kind === 'case' ? 'officer' : 'citizen'] }).returning('id').executeTakeFirstOrThrow()
      ids.set(r.id, await insertItem(t.db, t.orgId, { kind: r.kind as 'message' | 'case', body: r.text, authorId: who.id, title: r.kind === 'case' ? r.text.slice(0, 12) : undefined }))
    }
    expect(author).toBeTruthy()
  })

  it('finds the message a new one retells, first, for its text and place, and lists no unrelated one for its text', async () => {
    const dev005 = rows.find((r) => r.id === 'dev-005')!
    expect(dev005.text).toContain('东关夜市')
    const retold = await message('东关夜市那几个烧烤摊没有营业执照，天天晚上摆到凌晨，油烟熏得居民楼里没法开窗，还占道。')
    const found = await duplicates(retold.id)
    expect(found[0]).toMatchObject({ id: ids.get('dev-005'), kind: 'message', status: 'new', mergeable: true })
    expect(found[0]!.reasons).toEqual(expect.arrayContaining(['text', 'place', 'time']))
    expect(found[0]!.score).toBeGreaterThan(0.5)
    // None of the other 69 labelled items is similar in text (the most alike pair scores 0.17).
    expect(found.filter((c) => c.reasons.includes('text')).map((c) => c.id)).toEqual([ids.get('dev-005')])
  })
})

describe('same author, same phone, other bureaus, permissions', () => {
  it('lists the same citizen’s and the same phone’s other messages with their reasons', async () => {
    const first = await message('超市卖过期面包，保质期到上个月', { phone: '13800001111' })
    const again = await message('我昨天说的那件事一直没人管', { author: first.author })
    const samePhone = await message('药店不给开发票', { phone: '13800001111' })
    const found = await duplicates(again.id)
    expect(found.find((c) => c.id === first.id)?.reasons).toEqual(['author', 'time'])
    const byPhone = await duplicates(samePhone.id)
    expect(byPhone.find((c) => c.id === first.id)?.reasons).toEqual(['phone', 'time'])
  })

  it('another bureau’s item is 404 and never a candidate; officers and citizens get 403; reviewers read', async () => {
    const mine = await message('县城东关夜市烧烤摊油烟扰民占道经营')
    const theirs = await post(outsider, '/api/messages', { category: 'tipoff', body: '县城东关夜市烧烤摊油烟扰民占道经营' })
    expect((await get(outsider, `/api/items/${mine.id}/duplicates`)).statusCode).toBe(404)
    expect((await duplicates(mine.id)).map((c) => c.id)).not.toContain(theirs.json().id)
    expect((await get(officer, `/api/items/${mine.id}/duplicates`)).statusCode).toBe(403)
    expect((await get(mine.author, `/api/items/${mine.id}/duplicates`)).statusCode).toBe(403)
    expect((await get(reviewer, `/api/items/${mine.id}/duplicates`)).statusCode).toBe(200)
  })
})

describe('POST /api/items/:id/merge', () => {
  it('in one step: the merged message is 已合并 and points to the survivor; the survivor records it; the author sees where it went and its reply', async () => {
    const survivor = await message('南街菜市场的秤不准，买一斤少二两')
    const dup = await message('南街菜市场有摊贩的秤缺斤少两，买一斤差二两')
    expect((await duplicates(dup.id))[0]).toMatchObject({ id: survivor.id, mergeable: true })

    const res = await post(staff, `/api/items/${dup.id}/merge`, { into: survivor.id, version: 1, note: '同一摊位' })
    expect(res.statusCode).toBe(200)
    const s = res.json()
    expect(s).toMatchObject({ id: survivor.id, version: 2, status: 'new' })
    expect(s.timeline.at(-1)).toMatchObject({ action: 'merged_in', isPublic: false, actorName: '王五', body: `留言码 ${dup.trackingCode}` })
    expect(s.mergedFrom).toEqual([expect.objectContaining({ id: dup.id, trackingCode: dup.trackingCode, excerpt: expect.stringContaining('南街菜市场') })])

    const merged = await detail(staff, dup.id)
    expect(merged).toMatchObject({ status: 'merged', version: 2, allowedActions: [], mergedInto: { id: survivor.id, trackingCode: survivor.trackingCode, status: 'new' } })
    expect(merged.closedAt).not.toBeNull()
    expect(merged.timeline.at(-1)).toMatchObject({ action: 'merge', toStatus: 'merged', isPublic: true, body: '同一摊位' })
    // Searching the merged 留言码 finds the survivor (its event carries the code).
    const search = await get(staff, `/api/inbox?q=${dup.trackingCode}`)
    expect(search.json().items.map((i: { id: string }) => i.id).sort()).toEqual([survivor.id, dup.id].sort())

    // The survivor is answered; the merged message's author reads that answer in 我的留言.
    await post(staff, `/api/items/${survivor.id}/actions`, { action: 'accept' })
    await post(staff, `/api/items/${survivor.id}/reply`, { body: '已对该摊位的秤进行检定，责令整改。' })
    const mine = (await get(dup.author, '/api/messages/mine')).json().items[0]
    expect(mine).toMatchObject({ id: dup.id, status: 'merged', mergedInto: { trackingCode: survivor.trackingCode, status: 'replied', reply: { body: '已对该摊位的秤进行检定，责令整改。', byName: '县市场监管局' } } })
    expect(mine.mergedInto.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'accept', 'reply'])
    // Not the other citizen's name, nor the desk's internal events.
    expect(mine.mergedInto.timeline[0]).toMatchObject({ actorName: null, body: null })
    const own = await detail(dup.author, dup.id)
    expect(own).toMatchObject({ status: 'merged', mergedInto: { trackingCode: survivor.trackingCode, reply: { body: '已对该摊位的秤进行检定，责令整改。' } } })
    expect(own).not.toHaveProperty('mergedFrom')
    expect((await get(dup.author, `/api/items/${survivor.id}`)).statusCode).toBe(404)
  })

  it('refuses itself, a closed or merged target, a case, another bureau’s item, a closed source, a stale version; changes nothing', async () => {
    const a = await message('东门口早餐店用地沟油')
    const closed = await message('东门口早餐店地沟油炸油条')
    await post(staff, `/api/items/${closed.id}/actions`, { action: 'reject', reason: 'duplicate' })
    const theirs = (await post(outsider, '/api/messages', { category: 'tipoff', body: '外县早餐店' })).json()
    const caseId = await insertItem(t.db, t.orgId, { kind: 'case', body: '查处早餐店', authorId: officer.user.id })
    const refusals: [string, object, number, string][] = [
      [a.id, { into: a.id }, 400, 'bad_request'],
      [a.id, { into: closed.id }, 409, 'merge_target_closed'],
      [a.id, { into: caseId }, 400, 'bad_request'],
      [a.id, { into: theirs.id }, 404, 'not_found'],
      [a.id, { into: '00000000-0000-4000-8000-000000000000' }, 404, 'not_found'],
      [closed.id, { into: a.id }, 409, 'conflict'],
      [caseId, { into: a.id }, 409, 'conflict'],
      [theirs.id, { into: a.id }, 404, 'not_found']
    ]
    for (const [id, body, code, error] of refusals) {
      const r = await post(staff, `/api/items/${id}/merge`, body)
      expect([JSON.stringify(body), r.statusCode, r.json().error]).toEqual([JSON.stringify(body), code, error])
    }
    const other = await message('东门口早餐店的油发黑')
    await post(colleague, `/api/items/${a.id}/assign`, { assigneeId: colleague.user.id, version: 1 })
    const stale = await post(staff, `/api/items/${a.id}/merge`, { into: other.id, version: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({ error: 'stale_version', details: { changes: [{ action: 'assign', actorName: '李四', label: '分派' }] } })
    for (const id of [a.id, other.id]) expect((await detail(staff, id)).status).toBe('new')
    expect((await detail(staff, other.id)).version).toBe(1)
    expect((await post(officer, `/api/items/${a.id}/merge`, { into: other.id })).statusCode).toBe(403)
    expect((await post(reviewer, `/api/items/${a.id}/merge`, { into: other.id })).statusCode).toBe(403)
  })

  it('merging the survivor later carries what was merged into it along; the generic action route merges the same way', async () => {
    const a = await message('西关市场猪肉注水')
    const b = await message('西关市场猪肉注水严重')
    const c = await message('西关市场卖注水猪肉')
    expect((await post(staff, `/api/items/${a.id}/merge`, { into: b.id })).statusCode).toBe(200)
    const viaActions = await post(staff, `/api/items/${b.id}/actions`, { action: 'merge', into: c.id })
    expect(viaActions.statusCode).toBe(200)
    expect(viaActions.json()).toMatchObject({ id: b.id, status: 'merged' })
    const survivor = await detail(staff, c.id)
    expect(survivor.mergedFrom.map((m: { id: string }) => m.id).sort()).toEqual([a.id, b.id].sort())
    expect((await detail(a.author, a.id)).mergedInto).toMatchObject({ id: c.id, trackingCode: c.trackingCode })
    expect((await duplicates(c.id)).map((x) => x.id)).not.toEqual(expect.arrayContaining([a.id]))
  })
})

describe('the survivor’s assignee hears of a merge', () => {
  it('gets one 合并到我经办的 notification naming the merged 留言码; the merger is not told about their own merge', async () => {
    const survivor = await message('北门超市过期面包')
    const dup = await message('北门超市卖过期面包')
    expect((await post(staff, `/api/items/${survivor.id}/assign`, { assigneeId: colleague.user.id, version: 1 })).statusCode).toBe(200)
    expect((await post(staff, `/api/items/${dup.id}/merge`, { into: survivor.id })).statusCode).toBe(200)
    const bell = (await get(colleague, '/api/notifications?unread=true&limit=100')).json().items as { kind: string; itemId: string; body: string | null }[]
    expect(bell.filter((n) => n.kind === 'merged_in')).toEqual([expect.objectContaining({ itemId: survivor.id, body: expect.stringContaining(dup.trackingCode) })])
    const own = (await get(staff, '/api/notifications?unread=true&limit=100')).json().items as { kind: string }[]
    expect(own.filter((n) => n.kind === 'merged_in')).toEqual([])
  })

  it('an assignee who merges into their own item is not told; an unassigned survivor tells nobody', async () => {
    const bellOf = async (s: SessionView) => ((await get(s, '/api/notifications?limit=100')).json().items as { kind: string; itemId: string }[]).filter((n) => n.kind === 'merged_in')
    const before = { staff: (await bellOf(staff)).length, colleague: (await bellOf(colleague)).length }
    const mine = await message('南街菜场秤不准')
    expect((await post(staff, `/api/items/${mine.id}/assign`, { assigneeId: staff.user.id, version: 1 })).statusCode).toBe(200)
    expect((await post(staff, `/api/items/${(await message('南街菜场缺斤短两')).id}/merge`, { into: mine.id })).statusCode).toBe(200)
    const nobodys = await message('东关药店假药')
    expect((await post(staff, `/api/items/${(await message('东关药店卖假药')).id}/merge`, { into: nobodys.id })).statusCode).toBe(200)
    expect((await bellOf(staff)).length).toBe(before.staff)
    expect((await bellOf(colleague)).length).toBe(before.colleague)
  })
})

describe('the candidates query on a desk of thousands', () => {
  beforeAll(async () => {
    const { seedDesk } = await import('../helpers/inbox-seed')
    const { analyzeDatabase } = await import('../../server/db/connect')
    await seedDesk(t.db, t.orgId, 4000)
    await analyzeDatabase(t.db)
  }, 120_000)

  it('reaches candidates through the bigram, author and phone indexes, never a scan of every item (EXPLAIN)', async () => {
    const { sql } = await import('kysely')
    const { textBigrams } = await import('../../domain/duplicates')
    const { duplicatePoolStatement } = await import('../../server/repositories/duplicates')
    const now = Date.now()
    const stmt = duplicatePoolStatement(
      { id: '00000000-0000-4000-8000-000000000000', orgId: t.orgId, authorId: staff.user.id, phone: '13800001111', from: new Date(now - 90 * 86_400_000), to: new Date(now), bigrams: textBigrams('小区井盖缺失'), excludeStatus: 'merged' },
      200
    )
    const plan = (await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${stmt}`.execute(t.db)).rows.map((r) => r['QUERY PLAN']).join('\n')
    expect(plan).toContain('item_search_bigrams_idx')
    expect(plan).not.toMatch(/Seq Scan on item\b/)
  })
})
