import fc from 'fast-check'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { messageMachine } from '../../domain/message/state-machine'
import type { SessionView } from '../../domain/schemas/auth'
import { beijingDay, yearOf } from '../../domain/deadlines/day'
import { COMPLAINT_EXTRAS } from '../helpers/message-fixtures'

let t: TestApp
let staff: SessionView
let colleague: SessionView
let reviewer: SessionView
let officer: SessionView
let serial = 0
beforeAll(async () => {
  t = await createTestApp()
  staff = await t.login('staff', '王五')
  colleague = await t.login('staff', '李四')
  reviewer = await t.login('reviewer', '审核甲')
  officer = await t.login('officer', '干部甲')
})
afterAll(() => t.close())

const post = (s: SessionView, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(s), payload })
const detail = async (s: SessionView, id: string) => (await t.app.inject({ method: 'GET', url: `/api/items/${id}`, headers: bearer(s) })).json()

async function newMessage(): Promise<{ id: string; author: SessionView }> {
  serial++
  const author = await t.login('citizen', `群众-${serial}`)
  const res = await post(author, '/api/messages', { category: 'complaint', ...COMPLAINT_EXTRAS, body: `门口井盖缺失 ${serial}` })
  expect(res.statusCode).toBe(201)
  return { id: res.json().id, author }
}

describe('assign, priority, topics', () => {
  it('each bumps the version, is an internal event, and the author sees none of it', async () => {
    const { id, author } = await newMessage()
    const dept = await t.db.insertInto('department').values({ org_id: t.orgId, name: '城关所' }).returning('id').executeTakeFirstOrThrow()
    let d = await detail(staff, id)
    expect(d.version).toBe(1)

    const a = await post(staff, `/api/items/${id}/assign`, { assigneeId: colleague.user.id, departmentId: dept.id, version: 1 })
    expect(a.statusCode).toBe(200)
    expect(a.json()).toMatchObject({ version: 2, assignee: { id: colleague.user.id, name: '李四' }, departmentId: dept.id, departmentName: '城关所' })

    // Tags come from the bureau's focus topics of this year (the admin's list).
    const year = yearOf(beijingDay(new Date()))
    await t.db.insertInto('topic').values(['食品安全', '井盖'].map((name) => ({ org_id: t.orgId, year, name }))).execute()
    const p = await post(staff, `/api/items/${id}/priority`, { priority: 2, version: 2 })
    expect(p.json()).toMatchObject({ version: 3, priority: 2 })
    const tp = await post(staff, `/api/items/${id}/topics`, { topics: ['食品安全', '井盖'], version: 3 })
    expect(tp.json()).toMatchObject({ version: 4, topics: ['食品安全', '井盖'] })

    d = await detail(staff, id)
    expect(d.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'assign', 'priority', 'topics'])
    expect(d.timeline.slice(1).every((e: { isPublic: boolean }) => e.isPublic === false)).toBe(true)
    expect(d.timeline[1].body).toBe('处理人：李四；部门：城关所')
    // The timeline says the priority in words, not its number.
    expect(d.timeline[2].body).toBe('紧急')

    const mine = await detail(author, id)
    expect(mine.timeline.map((e: { action: string }) => e.action)).toEqual(['create'])
    expect(mine).not.toHaveProperty('assignee')
    expect(mine).not.toHaveProperty('priority')

    const unassign = await post(staff, `/api/items/${id}/assign`, { assigneeId: null, version: 4 })
    expect(unassign.json()).toMatchObject({ version: 5, assignee: null, departmentId: dept.id })
  })

  it('refuses an assignee who is not desk staff of this bureau, and an empty request', async () => {
    const { id, author } = await newMessage()
    const toCitizen = await post(staff, `/api/items/${id}/assign`, { assigneeId: author.user.id, version: 1 })
    expect(toCitizen.statusCode).toBe(400)
    expect(toCitizen.json()).toMatchObject({ field: 'assigneeId', message: expect.stringContaining('处理人') })
    const nothing = await post(staff, `/api/items/${id}/assign`, { version: 1 })
    expect(nothing.statusCode).toBe(400)
    expect((await detail(staff, id)).version).toBe(1)
  })
})

describe('stale versions', () => {
  it('a change made on an older version is 409 with what changed, and changes nothing', async () => {
    const { id } = await newMessage()
    expect((await post(staff, `/api/items/${id}/actions`, { action: 'accept', version: 1 })).statusCode).toBe(200)
    const stale = await post(colleague, `/api/items/${id}/actions`, { action: 'start', version: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({
      error: 'stale_version',
      message: expect.stringContaining('王五'),
      details: { currentVersion: 2, yourVersion: 1, status: 'accepted', lastEvent: { action: 'accept', actorName: '王五' } }
    })
    // What changed since version 1, from the events: who did what, each with the version it made.
    expect(stale.json().details.changes).toEqual([{ version: 2, action: 'accept', label: '受理', actorName: '王五', at: expect.any(String) }])
    expect(stale.json().message).toBe('此留言在您打开后已被更新：王五受理（当前状态「已受理」），请刷新后再操作')
    for (const [url, body] of [
      ['assign', { assigneeId: colleague.user.id }],
      ['priority', { priority: 1 }],
      ['topics', { topics: ['x'] }],
      ['notes', { body: '备注' }]
    ] as const) {
      const r = await post(colleague, `/api/items/${id}/${url}`, { ...body, version: 1 })
      expect(r.statusCode).toBe(409)
    }
    const d = await detail(staff, id)
    expect(d).toMatchObject({ version: 2, status: 'accepted', priority: 0, assignee: null })
    // Without a version (older clients), the action is checked against the table alone.
    expect((await post(colleague, `/api/items/${id}/actions`, { action: 'start' })).statusCode).toBe(200)
  })
})

describe('what a stale version hears', () => {
  it('every change since the version seen, in order, from the timeline', async () => {
    const { id } = await newMessage()
    await post(staff, `/api/items/${id}/actions`, { action: 'accept', version: 1 })
    await post(colleague, `/api/items/${id}/assign`, { assigneeId: colleague.user.id, version: 2 })
    await post(colleague, `/api/items/${id}/notes`, { body: '已联系', version: 3 })
    const stale = await post(staff, `/api/items/${id}/priority`, { priority: 1, version: 2 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().details.changes.map((c: { version: number; label: string; actorName: string }) => [c.version, c.label, c.actorName])).toEqual([
      [3, '分派', '李四'],
      [4, '内部备注', '李四']
    ])
    expect(stale.json().message).toContain('李四分派、李四内部备注')
  })
})

describe('internal notes and mentions', () => {
  it('@姓名 reaches colleagues of the bureau under 提到我的; the author never sees the note', async () => {
    const { id, author } = await newMessage()
    // A citizen who shares a colleague's name is not a colleague.
    await t.login('citizen', '李四')
    const res = await post(staff, `/api/items/${id}/notes`, { body: '@李四 请核实现场，@审核甲 知悉。@不存在的人', version: 1 })
    expect(res.statusCode).toBe(200)
    expect(res.json().version).toBe(2)
    const note = res.json().timeline.at(-1)
    expect(note).toMatchObject({ action: 'note', isPublic: false, body: '@李四 请核实现场，@审核甲 知悉。@不存在的人', actorName: '王五' })

    for (const who of [colleague, reviewer]) {
      const m = await t.app.inject({ method: 'GET', url: '/api/me/mentions', headers: bearer(who) })
      expect(m.statusCode).toBe(200)
      expect(m.json().items[0]).toMatchObject({ itemId: id, kind: 'message', eventId: note.id, byName: '王五' })
    }
    const none = await t.app.inject({ method: 'GET', url: '/api/me/mentions', headers: bearer(staff) })
    expect(none.json().items.find((x: { eventId: string }) => x.eventId === note.id)).toBeUndefined()
    expect((await detail(author, id)).timeline.some((e: { action: string }) => e.action === 'note')).toBe(false)
    expect((await t.app.inject({ method: 'GET', url: '/api/me/mentions', headers: bearer(author) })).statusCode).toBe(403)
  })

  it('a note may be written on a closed item too; an empty one is refused', async () => {
    const { id } = await newMessage()
    await post(staff, `/api/items/${id}/actions`, { action: 'reject', reason: 'spam' })
    expect((await post(staff, `/api/items/${id}/notes`, { body: '已电话告知', version: 2 })).statusCode).toBe(200)
    expect((await post(staff, `/api/items/${id}/notes`, { body: '   ', version: 3 })).statusCode).toBe(400)
    // Assigning a closed item is refused by the operations table.
    expect((await post(staff, `/api/items/${id}/assign`, { assigneeId: colleague.user.id, version: 3 })).statusCode).toBe(409)
  })
})

describe('permissions', () => {
  it('officers, citizens and reviewers cannot triage (403); another bureau sees nothing (404)', async () => {
    const { id, author } = await newMessage()
    const calls = [
      ['assign', { assigneeId: colleague.user.id, version: 1 }],
      ['priority', { priority: 1, version: 1 }],
      ['topics', { topics: ['a'], version: 1 }],
      ['notes', { body: 'x', version: 1 }]
    ] as const
    for (const who of [officer, author, reviewer]) {
      for (const [url, body] of calls) expect((await post(who, `/api/items/${id}/${url}`, body)).statusCode).toBe(403)
      // Through /actions the table decides: the author and reviewers see the item but may not
      // accept it (403); an officer who did not write it cannot see it at all (404).
      expect((await post(who, `/api/items/${id}/actions`, { action: 'accept' })).statusCode).toBe(who === officer ? 404 : 403)
    }

    const other = await t.loginElsewhere(['citizen', 'staff'], '外局')
    for (const [url, body] of calls) expect((await post(other, `/api/items/${id}/${url}`, body)).statusCode).toBe(404)
    expect((await post(other, `/api/items/${id}/actions`, { action: 'accept' })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: `/api/items/${id}`, headers: bearer(other) })).statusCode).toBe(404)
    // A colleague of another bureau cannot be assigned either.
    expect((await post(staff, `/api/items/${id}/assign`, { assigneeId: other.user.id, version: 1 })).statusCode).toBe(400)
    expect((await detail(staff, id)).version).toBe(1)
  })
})

describe('actions with inputs', () => {
  it('reject as out of jurisdiction records where it was transferred; a transfer needs that reason', async () => {
    const { id, author } = await newMessage()
    const wrong = await post(staff, `/api/items/${id}/actions`, { action: 'reject', reason: 'spam', transferredTo: '县交通运输局' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().field).toBe('transferredTo')
    const ok = await post(staff, `/api/items/${id}/actions`, { action: 'reject', reason: 'out_of_jurisdiction', transferredTo: '县交通运输局', version: 1 })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().timeline.at(-1)).toMatchObject({ action: 'reject', reason: 'out_of_jurisdiction', transferredTo: '县交通运输局' })
    expect(ok.json().closedAt).toEqual(expect.any(String))
    expect((await detail(author, id)).timeline.at(-1)).toMatchObject({ transferredTo: '县交通运输局', actorName: '县市场监管局' })
  })

  it('a reply may go through /actions with its text, and stamps the first reply once', async () => {
    const { id } = await newMessage()
    await post(staff, `/api/items/${id}/actions`, { action: 'accept' })
    const empty = await post(staff, `/api/items/${id}/actions`, { action: 'reply' })
    expect(empty.statusCode).toBe(400)
    expect(empty.json()).toMatchObject({ field: 'body', message: expect.stringContaining('答复内容') })
    const r = await post(staff, `/api/items/${id}/actions`, { action: 'reply', body: '已处理' })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ status: 'replied', firstReplyAt: expect.any(String) })
    const noteOnStart = await post(staff, `/api/items/${id}/actions`, { action: 'close', body: '不该有' })
    expect(noteOnStart.statusCode).toBe(400)
  })
})

describe('the server follows the message table for random action sequences', () => {
  it('allowed actions are 200 and move as the table says; an action of another actor is 403, any other 409, and neither changes anything', async () => {
    // The merge's survivor stays new throughout: only the generated message is acted on.
    const survivor = await newMessage()
    const inputs: Record<string, object> = { reject: { reason: 'duplicate' }, reply: { body: '答复' }, merge: { into: survivor.id } }
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...messageMachine.actions), { minLength: 1, maxLength: 6 }), async (actions) => {
        const { id } = await newMessage()
        let status: string = messageMachine.initial.status
        let version = 1
        for (const action of actions) {
          const res = await post(staff, `/api/items/${id}/actions`, { action, ...inputs[action], version })
          const to = messageMachine.next(status as never, action)
          // The citizen's rating and the daily job's auto_close are in the table, but not for staff.
          const staffMay = (messageMachine.table[action].by as readonly string[]).includes('staff')
          if (to && !staffMay) {
            expect(res.statusCode).toBe(403)
          } else if (to) {
            expect(res.statusCode).toBe(200)
            expect(res.json()).toMatchObject({ status: to, version: version + 1 })
            status = to
            version++
          } else {
            expect(res.statusCode).toBe(409)
          }
        }
        expect(await detail(staff, id)).toMatchObject({ status, version })
      }),
      { numRuns: 12 }
    )
  })
})
