import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import type { SessionView } from '../../domain/schemas/auth'
import { COMPLAINT_EXTRAS } from '../helpers/message-fixtures'

let t: TestApp
let citizen: SessionView
beforeAll(async () => {
  t = await createTestApp()
  citizen = await t.login('citizen', '校验')
})
afterAll(() => t.close())

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/messages', headers: { ...bearer(citizen), ...headers }, payload: payload as any })

async function expect400(res: Awaited<ReturnType<typeof post>>, message: RegExp) {
  expect(res.statusCode).toBe(400)
  const body = res.json()
  expect(body.error).toEqual(expect.any(String))
  expect(body.message).toMatch(message)
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|stack/i)
}

describe('POST /api/messages rejects bad input with a message a person can act on', () => {
  it('malformed JSON', async () => {
    await expect400(await post('{"category": "complaint", "body": ', { 'content-type': 'application/json' }), /不是有效的 JSON/)
  })
  it('missing category', async () => {
    await expect400(await post({ body: '内容' }), /缺少必填项：留言类别/)
  })
  it('missing body', async () => {
    await expect400(await post({ category: 'complaint' }), /缺少必填项：留言内容/)
  })
  it('unknown field', async () => {
    await expect400(await post({ category: 'complaint', body: '内容', admin: true }), /不支持的字段：admin/)
  })
  it('wrong type', async () => {
    await expect400(await post({ category: 'complaint', body: 12345 }), /留言内容.*类型不正确/)
  })
  it('empty body', async () => {
    await expect400(await post({ category: 'complaint', body: '' }), /留言内容不能为空/)
  })
  it('body over 2,000 characters', async () => {
    await expect400(await post({ category: 'complaint', body: '长'.repeat(2001) }), /留言内容不能超过 2000 个字，当前 2001 个字/)
  })
  it('exactly 2,000 characters is accepted', async () => {
    expect((await post({ category: 'complaint', ...COMPLAINT_EXTRAS, body: '长'.repeat(2000) })).statusCode).toBe(201)
  })
  it('unknown category lists the choices', async () => {
    await expect400(await post({ category: '吐槽', body: '内容' }), /留言类别.*取值不正确，可选：complaint \/ tipoff \/ question \/ suggestion \/ praise/)
  })
  it('bad phone number', async () => {
    await expect400(await post({ category: 'complaint', body: '内容', contactPhone: '12345' }), /联系电话.*格式不正确/)
  })
  it('body that is not an object', async () => {
    const res = await post([1, 2])
    expect(res.statusCode).toBe(400)
  })
  it('nothing is stored for rejected submissions', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/messages/mine', headers: bearer(citizen) })
    expect(mine.json().items).toHaveLength(1) // only the 2,000-character one
  })
})

describe('other inputs', () => {
  it('item id that is not a uuid', async () => {
    const staff = await t.login('staff')
    const res = await t.app.inject({ method: 'GET', url: '/api/items/abc', headers: bearer(staff) })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toMatch(/编号.*格式不正确/)
  })
  it('inbox limit out of range and bad cursor', async () => {
    const staff = await t.login('staff')
    const big = await t.app.inject({ method: 'GET', url: '/api/inbox?limit=1000', headers: bearer(staff) })
    expect(big.statusCode).toBe(400)
    expect(big.json().message).toMatch(/每页条数/)
    const bad = await t.app.inject({ method: 'GET', url: '/api/inbox?cursor=zzz', headers: bearer(staff) })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ error: 'bad_cursor', message: expect.stringMatching(/翻页游标无效/) })
    const unknown = await t.app.inject({ method: 'GET', url: '/api/inbox?sort=asc', headers: bearer(staff) })
    expect(unknown.statusCode).toBe(400)
  })
  it('unknown route answers 404 in JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nowhere' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining('/api/nowhere') })
  })
})

it('posting is limited per person, with a message that says how long to wait', async () => {
  const flooder = await t.login('citizen', '刷屏')
  const send = (s: typeof flooder) => t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(s), payload: { category: 'suggestion', body: '建议' } })
  const codes: number[] = []
  for (let i = 0; i < 31; i++) codes.push((await send(flooder)).statusCode)
  expect(codes.slice(0, 30).every((c) => c === 201)).toBe(true)
  const limited = await send(flooder)
  expect(limited.statusCode).toBe(429)
  expect(limited.json().message).toMatch(/操作太频繁，请 \d+ 秒后再试/)
  // Someone else from the same address is not blocked.
  expect((await send(await t.login('citizen', '邻居'))).statusCode).toBe(201)
})
