import { createTestApp, bearer, type TestApp } from '../helpers/test-app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('a citizen message reaches the inbox and the reply comes back', () => {
  it('walks post → inbox → accept → reply → my messages with a timeline', async () => {
    const citizen = await t.login('citizen', '张三')
    const staff = await t.login('staff', '王宣传')

    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/messages',
      headers: bearer(citizen),
      payload: { category: 'complaint', body: '超市卖过期牛奶，要求退货被拒。', contactPhone: '13812345678', business: { name: '城关镇某超市' } }
    })
    expect(posted.statusCode).toBe(201)
    const created = posted.json()
    expect(created).toEqual({ id: expect.any(String), trackingCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/), status: 'new' })

    const inbox = await t.app.inject({ method: 'GET', url: '/api/inbox', headers: bearer(staff) })
    expect(inbox.statusCode).toBe(200)
    expect(inbox.json().items[0]).toMatchObject({ id: created.id, kind: 'message', status: 'new', category: 'complaint' })

    const detail = await t.app.inject({ method: 'GET', url: `/api/items/${created.id}`, headers: bearer(staff) })
    expect(detail.json()).toMatchObject({ status: 'new', contactPhone: '138****5678', allowedActions: ['accept', 'reject', 'merge'] })

    const accepted = await t.app.inject({ method: 'POST', url: `/api/items/${created.id}/actions`, headers: bearer(staff), payload: { action: 'accept' } })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) })

    const replied = await t.app.inject({ method: 'POST', url: `/api/items/${created.id}/reply`, headers: bearer(staff), payload: { body: '已责令超市退货并立案调查。' } })
    expect(replied.statusCode).toBe(200)
    expect(replied.json()).toMatchObject({ status: 'replied', firstReplyAt: expect.any(String) })

    const mine = await t.app.inject({ method: 'GET', url: '/api/messages/mine', headers: bearer(citizen) })
    expect(mine.statusCode).toBe(200)
    const [msg] = mine.json().items
    expect(msg).toMatchObject({ id: created.id, status: 'replied', trackingCode: created.trackingCode, reply: { body: '已责令超市退货并立案调查。', byName: '县市场监管局' } })
    expect(msg.timeline.map((e: any) => [e.action, e.toStatus])).toEqual([
      ['create', 'new'],
      ['accept', 'accepted'],
      ['reply', 'replied']
    ])
    const times = msg.timeline.map((e: any) => Date.parse(e.at))
    expect([...times].sort((a, b) => a - b)).toEqual(times)
    // The citizen sees the bureau, not which officer answered.
    expect(msg.timeline.map((e: any) => e.actorName)).not.toContain('王宣传')
  })

  it('a retried submission with the same clientId returns the first message, never a copy', async () => {
    const citizen = await t.login('citizen', '重试者')
    const payload = { category: 'question', body: '年报什么时候截止？', clientId: 'draft-0001-retry' }
    const results = await Promise.all([1, 2, 3].map(() => t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload })))
    const ids = new Set(results.map((r) => r.json().id))
    expect(ids.size).toBe(1)
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 201])
    const mine = await t.app.inject({ method: 'GET', url: '/api/messages/mine', headers: bearer(citizen) })
    expect(mine.json().items).toHaveLength(1)
  })
})

describe('access', () => {
  it('no token: 401; a citizen on the inbox: 403; another citizen’s message: 404', async () => {
    const a = await t.login('citizen', '甲')
    const b = await t.login('citizen', '乙')
    const noToken = await t.app.inject({ method: 'GET', url: '/api/inbox' })
    expect(noToken.statusCode).toBe(401)
    expect(noToken.json()).toMatchObject({ error: 'unauthorized', message: expect.stringContaining('登录') })

    const badToken = await t.app.inject({ method: 'GET', url: '/api/messages/mine', headers: { authorization: 'Bearer nonsense' } })
    expect(badToken.statusCode).toBe(401)

    const forbidden = await t.app.inject({ method: 'GET', url: '/api/inbox', headers: bearer(a) })
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.json().message).toMatch(/权限/)

    const posted = await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(a), payload: { category: 'tipoff', body: '有人卖假烟' } })
    const other = await t.app.inject({ method: 'GET', url: `/api/items/${posted.json().id}`, headers: bearer(b) })
    expect(other.statusCode).toBe(404)
    const missing = await t.app.inject({ method: 'GET', url: `/api/items/00000000-0000-4000-8000-000000000000`, headers: bearer(b) })
    expect(other.json().message).toBe(missing.json().message)
    const act = await t.app.inject({ method: 'POST', url: `/api/items/${posted.json().id}/actions`, headers: bearer(b), payload: { action: 'close' } })
    expect(act.statusCode).toBe(404)

    const own = await t.app.inject({ method: 'GET', url: `/api/items/${posted.json().id}`, headers: bearer(a) })
    expect(own.statusCode).toBe(200)
    expect(own.json().allowedActions).toEqual([])

    const citizenReply = await t.app.inject({ method: 'POST', url: `/api/items/${posted.json().id}/reply`, headers: bearer(a), payload: { body: '自己答复' } })
    expect(citizenReply.statusCode).toBe(403)
  })
})
