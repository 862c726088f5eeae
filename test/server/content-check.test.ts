import { COMPLAINT_EXTRAS } from '../helpers/message-fixtures'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { startFakeWechat, FAKE_REVIEW, FAKE_RISKY, type FakeWechat } from '../fake-wechat/server'
import type { SessionView } from '../../domain/schemas/auth'

// Issue 8, content security: every text a citizen or officer submits is checked before anyone
// but its author sees it. Dev mode: the shipped word list (server/content/default-words.txt,
// where FAKE_RISKY is risky and FAKE_REVIEW review). Live mode: wxa/msg_sec_check on the fake.
let t: TestApp
let citizen: SessionView
let staff: SessionView
let officer: SessionView
beforeAll(async () => {
  t = await createTestApp()
  citizen = await t.login('citizen', '张群众')
  staff = await t.login('staff', '王宣传')
  const admin = await t.login('admin', '管理员')
  const inv = (await t.app.inject({ method: 'POST', url: '/api/invitations', headers: bearer(admin), payload: { role: 'officer' } })).json()
  officer = await t.login('citizen', '李干部')
  await t.app.inject({ method: 'POST', url: '/api/invitations/redeem', headers: bearer(officer), payload: { code: inv.code } })
})
afterAll(() => t.close())

const get = (s: SessionView, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(s) })
const post = (s: SessionView, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(s), payload })
const leave = (body: string, s = citizen) => post(s, '/api/messages', { category: 'complaint', body, ...COMPLAINT_EXTRAS })
const inboxIds = async () => ((await get(staff, '/api/inbox?limit=100')).json().items as { id: string }[]).map((i) => i.id)
const openCount = async () => ((await get(staff, '/api/inbox/counts')).json().views as { id: string; count: number }[]).find((v) => v.id === 'open')!.count
const itemCount = async () => Number((await t.db.selectFrom('item').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
const mine = async (s = citizen) => (await get(s, '/api/messages/mine')).json().items as { id: string; moderation?: string }[]

describe('a risky text is refused and nothing is stored', () => {
  it('names the part, not the word; no item, no event', async () => {
    const before = await itemCount()
    const res = await leave(`超市卖过期食品 fake_risky 还不承认`)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'content_risky', field: 'body', message: expect.stringContaining('「留言内容」含有不宜发布的内容') })
    expect(res.json().message).not.toMatch(/fake_risky/i)
    expect(await itemCount()).toBe(before)
  })
  it('a case: the part that is risky is named (标题, 地点)', async () => {
    const caseBody = { clientId: 'case-risky-title-1', title: `检查 ${FAKE_RISKY}`, body: '对农贸市场开展检查。', occurredAt: '2026-11-25T02:00:00.000Z', mediaIds: [] }
    const title = await post(officer, '/api/cases', caseBody)
    expect(title.statusCode).toBe(400)
    expect(title.json()).toMatchObject({ field: 'title', message: expect.stringContaining('「标题」') })
    const place = await post(officer, '/api/cases', { ...caseBody, clientId: 'case-risky-place-1', title: '节前检查', place: { address: `${FAKE_RISKY} 路 1 号` } })
    expect(place.json()).toMatchObject({ field: 'place', message: expect.stringContaining('「地点」') })
  })
})

describe('a text to review is stored but held', () => {
  it('is hidden from the inbox, its counts and duplicates; its author sees it as held; the queue has it', async () => {
    const countBefore = await openCount()
    const clear = (await leave('城关超市卖过期牛奶，已经两次了，希望处理')).json()
    const res = await leave(`城关超市卖过期牛奶，已经两次了 ${FAKE_REVIEW}`)
    expect(res.statusCode).toBe(201)
    const held = res.json()
    expect(held.moderation).toBe('held')
    expect(clear.moderation).toBeUndefined()

    expect(await inboxIds()).toContain(clear.id)
    expect(await inboxIds()).not.toContain(held.id)
    expect((await get(staff, '/api/inbox?q=过期牛奶')).json().items.map((i: { id: string }) => i.id)).toEqual([clear.id])
    expect(await openCount()).toBe(countBefore + 1)
    const dups = (await get(staff, `/api/items/${clear.id}/duplicates`)).json().candidates as { id: string }[]
    expect(dups.map((d) => d.id)).not.toContain(held.id)

    expect((await mine()).find((m) => m.id === held.id)).toMatchObject({ moderation: 'held' })
    const queue = (await get(staff, '/api/moderation')).json()
    expect(queue.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: held.id, kind: 'message', authorName: '张群众', note: expect.stringContaining('留言内容') })]))
    expect(queue.items.map((i: { id: string }) => i.id)).not.toContain(clear.id)

    // Not worked on before it is approved: actions and desk operations are refused.
    const version = (await t.db.selectFrom('item').select('version').where('id', '=', held.id).executeTakeFirstOrThrow()).version
    const early = await post(staff, `/api/items/${held.id}/actions`, { action: 'accept', version })
    expect(early.statusCode).toBe(409)
    expect(early.json()).toMatchObject({ error: 'moderation_pending', message: expect.stringContaining('待审核内容') })

    // Approved: it appears as usual.
    const approved = await post(staff, `/api/moderation/items/${held.id}`, { action: 'approve' })
    expect(approved.json()).toEqual({ id: held.id, moderation: 'clear' })
    expect(await inboxIds()).toContain(held.id)
    expect(await openCount()).toBe(countBefore + 2)
    expect((await mine()).find((m) => m.id === held.id)!.moderation).toBeUndefined()
    expect((await get(staff, '/api/moderation')).json().items.map((i: { id: string }) => i.id)).not.toContain(held.id)
    // Decided once: deciding again is a conflict.
    expect((await post(staff, `/api/moderation/items/${held.id}`, { action: 'refuse' })).statusCode).toBe(409)
  })

  it('refused: its author is told (未通过审核), nobody else ever sees it', async () => {
    const held = (await leave(`隔壁店 ${FAKE_REVIEW} 请核实`)).json()
    const refused = await post(staff, `/api/moderation/items/${held.id}`, { action: 'refuse' })
    expect(refused.json()).toEqual({ id: held.id, moderation: 'rejected' })
    expect((await mine()).find((m) => m.id === held.id)).toMatchObject({ moderation: 'rejected' })
    expect(await inboxIds()).not.toContain(held.id)
    expect((await get(staff, '/api/moderation')).json().items.map((i: { id: string }) => i.id)).not.toContain(held.id)
  })

  it('a held item is not in the live change feed until approved', async () => {
    const start = (await get(staff, '/api/inbox/changes')).json()
    expect(start.cursor).toBeTruthy()
    const held = (await leave(`又来了 ${FAKE_REVIEW}`)).json()
    const rows = await t.db.selectFrom('item').select(['id', 'moderation']).where('id', '=', held.id).execute()
    expect(rows[0]!.moderation).toBe('held')
    const { changesAfter } = await import('../../server/repositories/item-changes')
    const epoch = { at: '2000-01-01T00:00:00Z', id: '00000000-0000-0000-0000-000000000000' }
    expect((await changesAfter(t.db, t.orgId, epoch, 1000)).map((c) => c.id)).not.toContain(held.id)
    await post(staff, `/api/moderation/items/${held.id}`, { action: 'approve' })
    expect((await changesAfter(t.db, t.orgId, epoch, 1000)).map((c) => c.id)).toContain(held.id)
  })

  it('a resubmitted case with a text to review is held again', async () => {
    const body = { clientId: 'case-review-resubmit', title: '节前检查', body: '对农贸市场开展检查。', occurredAt: '2026-11-25T02:00:00.000Z', mediaIds: [] }
    const created = (await post(officer, '/api/cases', body)).json()
    expect(created.moderation).toBeUndefined()
    const item = await t.db.selectFrom('item').select('version').where('id', '=', created.id).executeTakeFirstOrThrow()
    const returned = await post(staff, `/api/items/${created.id}/actions`, { action: 'return', note: '请补充照片', version: item.version })
    expect(returned.statusCode).toBe(200)
    const { clientId: _, ...edit } = body
    const again = await post(officer, `/api/cases/${created.id}/resubmit`, { ...edit, body: `补充：${FAKE_REVIEW}` })
    expect(again.statusCode).toBe(200)
    expect(again.json().moderation).toBe('held')
    expect(await inboxIds()).not.toContain(created.id)
  })
})

describe('the moderation queue is for the desk', () => {
  it('citizens and officers may not read or decide', async () => {
    expect((await get(citizen, '/api/moderation')).statusCode).toBe(403)
    expect((await get(officer, '/api/moderation')).statusCode).toBe(403)
    const held = (await leave(`${FAKE_REVIEW} 自己批准`)).json()
    expect((await post(citizen, `/api/moderation/items/${held.id}`, { action: 'approve' })).statusCode).toBe(403)
  })
  it('another bureau cannot decide ours', async () => {
    const held = (await leave(`${FAKE_REVIEW} 外县`)).json()
    const outsider = await t.loginElsewhere(['staff'])
    expect((await post(outsider, `/api/moderation/items/${held.id}`, { action: 'approve' })).statusCode).toBe(404)
    expect((await get(outsider, '/api/moderation')).json().items).toEqual([])
  })
})

describe('live mode: wxa/msg_sec_check v2', () => {
  let wx: FakeWechat
  let live: TestApp
  let wechatCitizen: SessionView
  beforeAll(async () => {
    wx = await startFakeWechat()
    live = await createTestApp({ WECHAT_MODE: 'live', WECHAT_API_BASE: wx.baseUrl, WECHAT_APPID: wx.appId, WECHAT_SECRET: wx.secret })
    wechatCitizen = (await live.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok:openid-citizen-1' } })).json()
  })
  afterAll(async () => {
    await live.close()
    await wx.close()
  })
  const submit = (body: string) => live.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(wechatCitizen), payload: { category: 'question', body } })

  it('sends the documented request with the author openid and follows suggest', async () => {
    const ok = await submit('请问营业执照怎么变更经营范围？')
    expect(ok.statusCode).toBe(201)
    const call = wx.requests.find((r) => r.path === '/wxa/msg_sec_check')!
    expect(call.query.access_token).toMatch(/^fake-access-token-/)
    expect(call.body).toEqual({ content: '请问营业执照怎么变更经营范围？', version: 2, scene: 3, openid: 'openid-citizen-1' })
    expect((await submit(`问问 ${FAKE_RISKY}`)).statusCode).toBe(400)
    expect((await submit(`问问 ${FAKE_REVIEW}`)).json().moderation).toBe('held')
    const held = await live.db.selectFrom('item').select('moderation_note').where('moderation', '=', 'held').executeTakeFirstOrThrow()
    expect(held.moderation_note).toContain('违法犯罪')
  })

  it('WeChat failing or unreachable: the text is held for review, never published unchecked, never lost', async () => {
    wx.failWith = -1
    const busy = await submit('系统繁忙时提交的咨询')
    wx.failWith = null
    expect(busy.statusCode).toBe(201)
    expect(busy.json().moderation).toBe('held')

    const offlineWx = await startFakeWechat()
    const offline = await createTestApp({ WECHAT_MODE: 'live', WECHAT_API_BASE: offlineWx.baseUrl, WECHAT_APPID: offlineWx.appId, WECHAT_SECRET: offlineWx.secret })
    const someone = (await offline.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok:openid-offline' } })).json()
    await offlineWx.close()
    const res = await offline.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(someone), payload: { category: 'question', body: '断网时的咨询' } })
    expect(res.statusCode).toBe(201)
    expect(res.json().moderation).toBe('held')
    await offline.close()
  })
})
