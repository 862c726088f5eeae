import { createTestApp, bearer, type TestApp } from '../helpers/test-app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

it('pages newest first without skipping or repeating, and filters by status', async () => {
  const staff = await t.login('staff', '翻页')
  const ids: string[] = []
  for (let i = 0; i < 7; i++) {
    const citizen = await t.login('citizen', `群众${i}`)
    const res = await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category: 'question', body: `问题 ${i}` } })
    ids.push(res.json().id)
  }
  // Same created_at for two rows: the id breaks the tie, so the cursor stays exact.
  await t.db.updateTable('item').set({ created_at: new Date('2026-01-01T00:00:00.123456Z') }).where('id', 'in', ids.slice(2, 4)).execute()

  const seen: string[] = []
  let cursor: string | null = null
  do {
    const url: string = `/api/inbox?limit=3${cursor ? `&cursor=${cursor}` : ''}`
    const res = await t.app.inject({ method: 'GET', url, headers: bearer(staff) })
    expect(res.statusCode).toBe(200)
    const page = res.json()
    expect(page.items.length).toBeLessThanOrEqual(3)
    seen.push(...page.items.map((i: { id: string }) => i.id))
    cursor = page.nextCursor
  } while (cursor)
  expect(seen).toHaveLength(7)
  expect(new Set(seen).size).toBe(7)
  expect(seen.slice(0, 5)).toEqual([ids[6], ids[5], ids[4], ids[1], ids[0]])

  await t.app.inject({ method: 'POST', url: `/api/items/${ids[0]}/actions`, headers: bearer(staff), payload: { action: 'accept' } })
  const accepted = await t.app.inject({ method: 'GET', url: '/api/inbox?status=accepted', headers: bearer(staff) })
  expect(accepted.json().items.map((i: { id: string }) => i.id)).toEqual([ids[0]])
  const bad = await t.app.inject({ method: 'GET', url: '/api/inbox?status=lost', headers: bearer(staff) })
  expect(bad.statusCode).toBe(400)
  expect(bad.json().message).toMatch(/状态.*可选/)
})

it('each bureau sees only its own inbox', async () => {
  const other = await t.db.insertInto('org').values({ name: '邻县局' }).returning('id').executeTakeFirstOrThrow()
  const outsider = await t.db.insertInto('app_user').values({ org_id: other.id, name: '外单位', roles: ['staff'] }).returning(['id', 'org_id']).executeTakeFirstOrThrow()
  const { token } = await t.app.openSession(outsider)
  const res = await t.app.inject({ method: 'GET', url: '/api/inbox', headers: { authorization: `Bearer ${token}` } })
  expect(res.statusCode).toBe(200)
  expect(res.json().items).toEqual([])
})
