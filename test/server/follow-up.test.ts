import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import type { SessionView } from '../../domain/schemas/auth'
import { runAutoClose, runRetention } from '../../server/jobs/follow-up'

let t: TestApp
let staff: SessionView
let reviewer: SessionView
let serial = 0
let address = 0
beforeAll(async () => {
  t = await createTestApp()
  staff = await t.login('staff', '承办人')
  reviewer = await t.login('reviewer', '审核人')
}, 90_000)
afterAll(() => t.close())

const post = (who: SessionView | null, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, payload, ...(who ? { headers: bearer(who) } : {}) })
const track = (code: string, remoteAddress = `10.8.0.${++address % 250}`) => t.app.inject({ method: 'GET', url: `/api/track/${code}`, remoteAddress })

/** A citizen's message, taken by staff as far as `upTo` (accept, reply). */
async function message(upTo: 'new' | 'accepted' | 'replied' = 'replied', extra: object = {}) {
  const citizen = await t.login('citizen', `张${++serial}号`)
  const res = await post(citizen, '/api/messages', { category: 'complaint', body: `超市卖过期牛奶 ${serial}`, contactPhone: '13812345678', business: { name: '城关镇某超市' }, ...extra })
  expect(res.statusCode).toBe(201)
  const { id, trackingCode } = res.json()
  if (upTo !== 'new') expect((await post(staff, `/api/items/${id}/actions`, { action: 'accept' })).statusCode).toBe(200)
  if (upTo === 'replied') expect((await post(staff, `/api/items/${id}/reply`, { body: '已责令下架并立案调查。' })).statusCode).toBe(200)
  return { id: id as string, trackingCode: trackingCode as string, citizen }
}

describe('GET /api/track/:code (no sign-in)', () => {
  it('shows status, dates and the bureau’s public steps, and nothing personal', async () => {
    const m = await message('replied')
    const res = await track(m.trackingCode.toLowerCase())
    expect(res.statusCode).toBe(200)
    const view = res.json()
    expect(view).toMatchObject({ trackingCode: m.trackingCode, category: 'complaint', status: 'replied', acceptedAt: expect.any(String), firstReplyAt: expect.any(String), closedAt: null })
    expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'accept', 'reply'])
    expect(view.timeline.at(-1)).toMatchObject({ actorName: '县市场监管局', body: '已责令下架并立案调查。' })
    // Neither the citizen's words, nor their name, nor their phone, nor the officer's name.
    const raw = res.body
    for (const secret of ['超市卖过期牛奶', '13812345678', '138****5678', `张${serial}号`, '承办人']) expect(raw).not.toContain(secret)
    expect(view).not.toHaveProperty('body')
  })

  it('answers an unknown code and a malformed one without telling anything', async () => {
    const unknown = await track('ZZZZZZZZ')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().message).toContain('没有找到这个留言码')
    expect((await track('ab')).statusCode).toBe(400)
  })

  it('a merged message shows where it went', async () => {
    const survivor = await message('accepted')
    const dup = await message('new')
    expect((await post(staff, `/api/items/${dup.id}/merge`, { into: survivor.id, note: '同一超市' })).statusCode).toBe(200)
    const view = (await track(dup.trackingCode)).json()
    expect(view.status).toBe('merged')
    expect(view.mergedInto).toMatchObject({ trackingCode: survivor.trackingCode, status: 'accepted' })
    expect(JSON.stringify(view)).not.toContain('超市卖过期牛奶')
  })

  it('is limited per address: the 11th lookup within a minute is 429, another address still gets through', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `ENUM${String(i).padStart(4, '2')}`)
    for (const code of codes) expect((await track(code, '10.9.9.9')).statusCode).toBe(404)
    const limited = await track('ENUM9999', '10.9.9.9')
    expect(limited.statusCode).toBe(429)
    expect(limited.json().message).toMatch(/秒后再试/)
    expect((await track('ENUM9999', '10.9.9.10')).statusCode).toBe(404)
  })
})

describe('POST /api/messages/:id/rating', () => {
  it('满意 closes the message and the rating is on its timeline', async () => {
    const m = await message('replied')
    const res = await post(m.citizen, `/api/messages/${m.id}/rating`, { rating: 'satisfied' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) })
    expect(res.json().timeline.at(-1)).toMatchObject({ action: 'close', rating: 'satisfied' })
  })

  it('基本满意 closes it too, with the comment', async () => {
    const m = await message('replied')
    const res = await post(m.citizen, `/api/messages/${m.id}/rating`, { rating: 'basically_satisfied', comment: '处理还算及时' })
    expect(res.json()).toMatchObject({ status: 'closed' })
    expect(res.json().timeline.at(-1)).toMatchObject({ action: 'close', rating: 'basically_satisfied', body: '处理还算及时' })
  })

  it('不满意 reopens it to staff with the comment', async () => {
    const m = await message('replied')
    const res = await post(m.citizen, `/api/messages/${m.id}/rating`, { rating: 'dissatisfied', comment: '牛奶还在卖' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'reopened', closedAt: null })
    const desk = (await t.app.inject({ method: 'GET', url: `/api/items/${m.id}`, headers: bearer(staff) })).json()
    expect(desk.status).toBe('reopened')
    expect(desk.timeline.at(-1)).toMatchObject({ action: 'reopen', rating: 'dissatisfied', body: '牛奶还在卖', isPublic: true })
  })

  it('only the author, and only once replied', async () => {
    const m = await message('replied')
    const other = await t.login('citizen', '路人')
    expect((await post(other, `/api/messages/${m.id}/rating`, { rating: 'satisfied' })).statusCode).toBe(404)
    const byStaff = await post(staff, `/api/messages/${m.id}/rating`, { rating: 'satisfied' })
    expect(byStaff.statusCode).toBe(403)
    expect(byStaff.json().message).toContain('留言人本人')
    expect((await post(staff, `/api/messages/${m.id}/rating`, { rating: 'dissatisfied' })).statusCode).toBe(403)
    // Staff still close without a rating; then the citizen can no longer rate.
    const early = await message('accepted')
    const notYet = await post(early.citizen, `/api/messages/${early.id}/rating`, { rating: 'satisfied' })
    expect(notYet.statusCode).toBe(409)
    expect(notYet.json().message).toContain('已受理')
    expect((await post(m.citizen, `/api/messages/${m.id}/rating`, { rating: 'satisfied' })).statusCode).toBe(200)
    expect((await post(m.citizen, `/api/messages/${m.id}/rating`, { rating: 'dissatisfied' })).statusCode).toBe(409)
  })

  it('refuses an unknown rating and a comment too long', async () => {
    const m = await message('replied')
    expect((await post(m.citizen, `/api/messages/${m.id}/rating`, { rating: 'great' })).statusCode).toBe(400)
    expect((await post(m.citizen, `/api/messages/${m.id}/rating`, { rating: 'dissatisfied', comment: '长'.repeat(501) })).statusCode).toBe(400)
  })

  it('the system action cannot be taken through the action route', async () => {
    const m = await message('replied')
    const res = await post(staff, `/api/items/${m.id}/actions`, { action: 'auto_close' })
    expect(res.statusCode).toBe(403)
  })
})

describe('auto-close after 7 days without a rating (job, moved clock)', () => {
  it('closes only replied messages whose reply is older than the window', async () => {
    const old = await message('replied')
    const rated = await message('replied')
    await post(rated.citizen, `/api/messages/${rated.id}/rating`, { rating: 'dissatisfied', comment: '不行' })
    const now = Date.now()
    expect((await runAutoClose(t.db, new Date(now + 6 * 86_400_000), 7)).closed).not.toContain(old.id)
    const { closed } = await runAutoClose(t.db, new Date(now + 7 * 86_400_000 + 60_000), 7)
    expect(closed).toContain(old.id)
    expect(closed).not.toContain(rated.id)
    const mine = (await t.app.inject({ method: 'GET', url: '/api/messages/mine', headers: bearer(old.citizen) })).json().items[0]
    expect(mine.status).toBe('closed')
    expect(mine.timeline.at(-1)).toMatchObject({ action: 'auto_close', actorName: null })
    // A rerun finds nothing more to do.
    expect((await runAutoClose(t.db, new Date(now + 8 * 86_400_000), 7)).closed).not.toContain(old.id)
  })
})

describe('GET /api/reports/satisfaction', () => {
  it('counts ratings per month and department for desk roles only', async () => {
    const dept = await t.db.insertInto('department').values({ org_id: t.orgId, name: '食品科' }).returning('id').executeTakeFirstOrThrow()
    const a = await message('replied')
    const b = await message('replied')
    await t.db.updateTable('item').set({ department_id: dept.id }).where('id', 'in', [a.id, b.id]).execute()
    await post(a.citizen, `/api/messages/${a.id}/rating`, { rating: 'satisfied' })
    await post(b.citizen, `/api/messages/${b.id}/rating`, { rating: 'dissatisfied' })
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
    const res = await t.app.inject({ method: 'GET', url: `/api/reports/satisfaction?year=${year}`, headers: bearer(reviewer) })
    expect(res.statusCode).toBe(200)
    const row = res.json().rows.find((r: { departmentId: string | null }) => r.departmentId === dept.id)
    expect(row).toMatchObject({ departmentName: '食品科', satisfied: 1, basicallySatisfied: 0, dissatisfied: 1, unrated: 0, satisfactionRate: 50 })
    expect(res.json().total.satisfied).toBeGreaterThanOrEqual(1)
    const lastYear = (await t.app.inject({ method: 'GET', url: `/api/reports/satisfaction?year=${year - 1}`, headers: bearer(reviewer) })).json()
    expect(lastYear.rows).toEqual([])
    expect((await t.app.inject({ method: 'GET', url: '/api/reports/satisfaction', headers: bearer(a.citizen) })).statusCode).toBe(403)
  })
})

describe('retention: contact details of closed messages are erased after the period (job, moved clock)', () => {
  it('erases the phone of messages closed long enough ago, logs it, and keeps the others', async () => {
    const closed = await message('replied', { place: { address: '城关镇幸福小区3栋502', lat: 34.25, lng: 108.93 } })
    await post(closed.citizen, `/api/messages/${closed.id}/rating`, { rating: 'satisfied' })
    const open = await message('accepted')
    const now = Date.now()
    const phoneOf = async (id: string) => (await t.db.selectFrom('message').select(['contact_phone', 'contact_erased_at']).where('item_id', '=', id).executeTakeFirstOrThrow())
    expect((await runRetention(t.db, new Date(now + 179 * 86_400_000), 180)).erased).not.toContain(closed.id)
    expect((await phoneOf(closed.id)).contact_phone).toBe('13812345678')
    const { erased } = await runRetention(t.db, new Date(now + 181 * 86_400_000), 180)
    expect(erased).toContain(closed.id)
    expect(erased).not.toContain(open.id)
    const after = await phoneOf(closed.id)
    expect(after.contact_phone).toBeNull()
    expect(after.contact_erased_at).not.toBeNull()
    // The place is often the citizen's own address: it goes too; the business is the matter and stays.
    const row = await t.db.selectFrom('message').select(['place_address', 'place_lat', 'place_lng', 'business_name']).where('item_id', '=', closed.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ place_address: null, place_lat: null, place_lng: null, business_name: '城关镇某超市' })
    expect((await phoneOf(open.id)).contact_phone).toBe('13812345678')
    const desk = (await t.app.inject({ method: 'GET', url: `/api/items/${closed.id}`, headers: bearer(staff) })).json()
    expect(desk.contactPhone).toBeNull()
    expect(desk.timeline.at(-1)).toMatchObject({ action: 'contact_erased', isPublic: false, body: expect.stringContaining('180 天') })
    // The citizen's own timeline does not show the internal event; a rerun erases nothing more.
    const mine = (await t.app.inject({ method: 'GET', url: '/api/messages/mine', headers: bearer(closed.citizen) })).json().items[0]
    expect(mine.timeline.map((e: { action: string }) => e.action)).not.toContain('contact_erased')
    expect((await runRetention(t.db, new Date(now + 182 * 86_400_000), 180)).erased).toEqual([])
  })
})

describe('POST /api/messages/:id/subscriptions', () => {
  it('is the author’s only; with no templates configured nothing is recorded', async () => {
    const m = await message('new')
    const res = await post(m.citizen, `/api/messages/${m.id}/subscriptions`, { templateIds: ['tmpl-unknown'] })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ recorded: 0, unused: {} })
    expect((await post(staff, `/api/messages/${m.id}/subscriptions`, { templateIds: ['tmpl-unknown'] })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: '/api/subscribe-templates', headers: bearer(m.citizen) })).json()).toEqual({ templates: [] })
  })
})

describe('GET /api/messages/progress', () => {
  it('counts my messages with a public step after the given time, not others’ and not internal notes', async () => {
    const m = await message('accepted')
    const since = new Date().toISOString()
    const count = async (who: SessionView, at = since) => (await t.app.inject({ method: 'GET', url: `/api/messages/progress?since=${encodeURIComponent(at)}`, headers: bearer(who) })).json().changed
    expect(await count(m.citizen)).toBe(0)
    expect((await post(staff, `/api/items/${m.id}/notes`, { body: '内部备注', version: 2 })).statusCode).toBe(200)
    expect(await count(m.citizen)).toBe(0)
    await post(staff, `/api/items/${m.id}/reply`, { body: '答复' })
    expect(await count(m.citizen)).toBe(1)
    expect(await count(m.citizen, new Date(Date.now() + 60_000).toISOString())).toBe(0)
    expect(await count(await t.login('citizen', '别人'))).toBe(0)
    expect((await t.app.inject({ method: 'GET', url: '/api/messages/progress?since=yesterday', headers: bearer(m.citizen) })).statusCode).toBe(400)
  })
})
