import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let staff: SessionView
let reviewer: SessionView
beforeAll(async () => {
  t = await createTestApp()
  staff = await t.login('staff', '王宣传')
  reviewer = await t.login('reviewer', '李审核')
})
afterAll(() => t.close())

const PHONE = '13812345678'
const QUESTION = `我叫张三，手机${PHONE}，在阳光小区3栋502住。楼下超市卖过期牛奶，要求退货被拒。`
const ANSWER = '经查，该超市确有销售过期牛奶行为，已责令下架并立案调查，退货已办理。如有疑问请联系王五，电话0571-88123456。'

async function repliedMessage(opts: { consent?: boolean; reply?: boolean; body?: string } = {}) {
  const citizen = await t.login('citizen', '张三')
  const posted = await t.app.inject({
    method: 'POST',
    url: '/api/messages',
    headers: bearer(citizen),
    payload: { category: 'complaint', body: opts.body ?? QUESTION, contactPhone: PHONE, publicConsent: opts.consent ?? true }
  })
  expect(posted.statusCode).toBe(201)
  const id = posted.json().id as string
  expect((await t.app.inject({ method: 'POST', url: `/api/items/${id}/actions`, headers: bearer(staff), payload: { action: 'accept' } })).statusCode).toBe(200)
  if (opts.reply ?? true) expect((await t.app.inject({ method: 'POST', url: `/api/items/${id}/reply`, headers: bearer(staff), payload: { body: ANSWER } })).statusCode).toBe(200)
  return id
}

const propose = (id: string, who = staff, payload: object = {}) => t.app.inject({ method: 'POST', url: `/api/items/${id}/board-proposal`, headers: bearer(who), payload })
const act = (id: string, action: string, who: SessionView, payload: object) => t.app.inject({ method: 'POST', url: `/api/board/proposals/${id}/${action}`, headers: bearer(who), payload })
const publicList = (query = '') => t.app.inject({ method: 'GET', url: `/api/board${query}` })

describe('the public board (选登)', () => {
  it('propose → correct → approve: the board shows it masked to anyone without login; withdrawn, it disappears', async () => {
    const itemId = await repliedMessage()
    const preview = await t.app.inject({ method: 'GET', url: `/api/items/${itemId}/board-preview`, headers: bearer(staff) })
    expect(preview.statusCode).toBe(200)
    expect(preview.json()).toMatchObject({ refusal: null, entryId: null })
    expect(preview.json().question.spans.map((s: any) => s.kind)).toEqual(['name', 'mobile', 'address'])

    const proposed = await propose(itemId)
    expect(proposed.statusCode).toBe(201)
    const entry = proposed.json()
    expect(entry).toMatchObject({ status: 'proposed', version: 1, category: 'complaint', proposedBy: { name: '王宣传' } })
    expect(entry.question.public).toBe('我叫张某，手机138****5678，在阳光小区**栋**住。楼下超市卖过期牛奶，要求退货被拒。')
    expect(entry.answer.public).toContain('王某')
    expect(entry.answer.public).not.toContain('88123456')
    // The proposer may correct, not approve: the table's guard leaves approve out of their actions.
    expect(entry.allowedActions).toEqual(['edit'])

    // Staff correct: the bureau's office phone in the answer may stay visible; a nickname is hidden by hand.
    const answerSpans = entry.answer.spans.filter((s: any) => s.kind !== 'landline').map(({ start, end, kind }: any) => ({ start, end, kind }))
    const qText = QUESTION.replace('楼下超市', '楼下“老刘超市”')
    const at = qText.indexOf('老刘')
    const qSpans = [...preview.json().question.spans.map((s: any) => ({ start: s.start + (s.start > at ? 2 : 0), end: s.end + (s.start > at ? 2 : 0), kind: s.kind })), { start: at, end: at + 2, kind: 'custom' }]
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/board/proposals/${entry.id}`,
      headers: bearer(staff),
      payload: { version: 1, question: { text: qText, spans: qSpans }, answer: { text: ANSWER, spans: answerSpans } }
    })
    expect(edited.json()).toMatchObject({ version: 2 })
    expect(edited.json().version).toBe(2)
    expect(edited.json().question.public).toContain('“**超市”')
    expect(edited.json().answer.public).toContain('0571-88123456')
    // The preview warns about what the masker found but staff left visible.
    expect(edited.json().answer.unmasked.map((s: any) => s.kind)).toEqual(['landline'])

    // The reviewer read version 1: approving it now is refused, with the current version.
    const stale = await act(entry.id, 'approve', reviewer, { version: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({ error: 'stale_version', details: { currentVersion: 2 } })
    expect((await publicList()).json().items).toEqual([])

    const approved = await act(entry.id, 'approve', reviewer, { version: 2 })
    expect(approved.statusCode).toBe(200)
    expect(approved.json()).toMatchObject({ status: 'published', decidedBy: { name: '李审核' }, publishedAt: expect.any(String) })

    const list = await publicList()
    expect(list.statusCode).toBe(200)
    const [shown] = list.json().items
    expect(shown).toEqual({ id: entry.id, category: 'complaint', question: edited.json().question.public, answer: edited.json().answer.public, askedAt: expect.any(String), publishedAt: expect.any(String) })
    expect(JSON.stringify(list.json())).not.toContain(PHONE)
    expect(JSON.stringify(list.json())).not.toContain('张三')
    expect(JSON.stringify(list.json())).not.toContain('王宣传')
    const detail = await t.app.inject({ method: 'GET', url: `/api/board/${entry.id}` })
    expect(detail.statusCode).toBe(200)
    expect(detail.json().question).toBe(shown.question)

    // Search reads the public text only: a word finds it, the masked phone and name do not.
    expect((await publicList(`?q=${encodeURIComponent('过期牛奶')}`)).json().items).toHaveLength(1)
    expect((await publicList(`?q=${encodeURIComponent('奶')}`)).json().items).toHaveLength(1)
    expect((await publicList(`?q=${PHONE}`)).json().items).toHaveLength(0)
    expect((await publicList(`?q=${encodeURIComponent('张三')}`)).json().items).toHaveLength(0)
    expect((await publicList('?category=complaint')).json().items).toHaveLength(1)
    expect((await publicList('?category=praise')).json().items).toHaveLength(0)

    // Published text cannot be edited any more.
    const late = await t.app.inject({ method: 'PUT', url: `/api/board/proposals/${entry.id}`, headers: bearer(staff), payload: { version: 2, question: { text: 'x', spans: [] }, answer: { text: 'y', spans: [] } } })
    expect(late.statusCode).toBe(409)

    expect((await act(entry.id, 'withdraw', reviewer, {})).statusCode).toBe(400)
    const withdrawn = await act(entry.id, 'withdraw', reviewer, { reason: '当事人要求撤下' })
    expect(withdrawn.statusCode).toBe(200)
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', reason: '当事人要求撤下', decidedBy: { name: '李审核' }, withdrawnBy: { name: '李审核' }, withdrawnAt: expect.any(String) })
    expect((await publicList()).json().items).toEqual([])
    expect((await t.app.inject({ method: 'GET', url: `/api/board/${entry.id}` })).statusCode).toBe(404)
    // Withdrawn, the message may be proposed again (as a new entry).
    expect((await propose(itemId)).statusCode).toBe(201)
  })

  it('refuses a message without the author’s consent, and one not yet answered', async () => {
    const noConsent = await repliedMessage({ consent: false })
    const refused = await propose(noConsent)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().message).toMatch(/未同意公开/)
    expect((await t.app.inject({ method: 'GET', url: `/api/items/${noConsent}/board-preview`, headers: bearer(staff) })).json()).toMatchObject({ refusal: expect.stringMatching(/未同意/), question: null })

    const unreplied = await repliedMessage({ reply: false })
    const notYet = await propose(unreplied)
    expect(notYet.statusCode).toBe(409)
    expect(notYet.json().message).toMatch(/答复后/)
  })

  it('whoever proposed cannot approve it, even an admin; another reviewer can', async () => {
    const admin = await t.login('admin', '赵管理')
    const itemId = await repliedMessage()
    const entry = (await propose(itemId, admin)).json()
    expect(entry.allowedActions).toEqual(['edit', 'decline'])
    const own = await act(entry.id, 'approve', admin, { version: 1 })
    expect(own.statusCode).toBe(403)
    expect(own.json()).toMatchObject({ error: 'own_proposal', message: expect.stringMatching(/自己提议/) })
    expect((await act(entry.id, 'approve', reviewer, { version: 1 })).statusCode).toBe(200)
  })

  it('one live entry per message; staff cannot approve; decline needs a reason; citizens see no queue', async () => {
    const itemId = await repliedMessage()
    const entry = (await propose(itemId)).json()
    const twice = await propose(itemId)
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error).toBe('board_entry_exists')
    expect((await act(entry.id, 'approve', staff, { version: 1 })).statusCode).toBe(403)
    expect((await act(entry.id, 'decline', reviewer, { reason: '  ' })).statusCode).toBe(400)
    const declined = await act(entry.id, 'decline', reviewer, { reason: '内容与已选登的重复' })
    expect(declined.json()).toMatchObject({ status: 'declined', allowedActions: [] })
    expect((await act(entry.id, 'approve', reviewer, { version: 1 })).statusCode).toBe(409)

    const queue = await t.app.inject({ method: 'GET', url: '/api/board/proposals?status=declined', headers: bearer(reviewer) })
    expect(queue.json().items.map((e: any) => e.id)).toContain(entry.id)
    const citizen = await t.login('citizen', '张三')
    expect((await t.app.inject({ method: 'GET', url: '/api/board/proposals', headers: bearer(citizen) })).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/api/board/proposals' })).statusCode).toBe(401)
    expect((await propose(itemId, citizen)).statusCode).toBe(403)
  })

  it('spans staff send must lie inside the text and not overlap; another bureau sees nothing', async () => {
    const itemId = await repliedMessage()
    const bad = await propose(itemId, staff, { question: { text: '短', spans: [{ start: 0, end: 5, kind: 'custom' }] } })
    expect(bad.statusCode).toBe(400)
    const overlap = await propose(itemId, staff, { question: { text: '一二三四', spans: [{ start: 0, end: 2, kind: 'custom' }, { start: 1, end: 3, kind: 'custom' }] } })
    expect(overlap.statusCode).toBe(400)
    const entry = (await propose(itemId)).json()
    const other = await t.loginElsewhere(['staff', 'reviewer'])
    expect((await t.app.inject({ method: 'GET', url: `/api/board/proposals/${entry.id}`, headers: bearer(other) })).statusCode).toBe(404)
    expect((await act(entry.id, 'approve', other, { version: 1 })).statusCode).toBe(404)
    expect((await propose(itemId, other)).statusCode).toBe(404)
  })

  it('pages the public list with a cursor, newest first', async () => {
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const entry = (await propose(await repliedMessage({ body: `第${i}条：药店不开发票。` }))).json()
      expect((await act(entry.id, 'approve', reviewer, { version: 1 })).statusCode).toBe(200)
      ids.push(entry.id)
    }
    const all = (await publicList()).json()
    expect(all.items.slice(0, 3).map((e: any) => e.id)).toEqual([...ids].reverse())
    expect((await publicList('?cursor=bm9wZQ')).statusCode).toBe(400)
  })
})

// Last in the file: it uses up this address's allowance of public reads.
describe('the public board is rate-limited per address', () => {
  it('answers 429 with when to try again after 120 reads a minute', async () => {
    const codes: number[] = []
    for (let i = 0; i < 121; i++) codes.push((await publicList()).statusCode)
    expect(codes.slice(0, 100).every((c) => c === 200)).toBe(true)
    const last = await publicList()
    expect(last.statusCode).toBe(429)
    expect(last.json().message).toMatch(/秒后再试/)
  })
})
