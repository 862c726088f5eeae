import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { messageMachine, MESSAGE_STATUSES, MESSAGE_ACTIONS, MESSAGE_STATUS_LABELS, type MessageStatus, type MessageAction } from '../../domain/message/state-machine'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let citizen: SessionView
let staff: SessionView
beforeAll(async () => {
  t = await createTestApp()
  staff = await t.login('staff', '办理人')
})
// A citizen per test keeps each well under the per-person posting limit.
let serial = 0
beforeEach(async () => {
  citizen = await t.login('citizen', `状态机-${++serial}`)
})
afterAll(() => t.close())

/** The shortest path of actions from `new` to each status, found by walking the table. */
function pathTo(target: MessageStatus): MessageAction[] {
  const queue: [MessageStatus, MessageAction[]][] = [['new', []]]
  const seen = new Set<MessageStatus>()
  while (queue.length) {
    const [s, p] = queue.shift()!
    if (s === target) return p
    if (seen.has(s)) continue
    seen.add(s)
    for (const a of MESSAGE_ACTIONS) {
      const n = messageMachine.next(s, a)
      if (n) queue.push([n, [...p, a]])
    }
  }
  throw new Error(`unreachable: ${target}`)
}

const actorFor = (action: MessageAction) => (messageMachine.table[action].by.includes('staff') ? staff : citizen)

async function act(id: string, action: MessageAction) {
  if (action === 'reply') return t.app.inject({ method: 'POST', url: `/api/items/${id}/reply`, headers: bearer(staff), payload: { body: '答复内容' } })
  const payload = action === 'reject' ? { action, reason: 'spam' } : { action }
  return t.app.inject({ method: 'POST', url: `/api/items/${id}/actions`, headers: bearer(actorFor(action)), payload })
}

async function messageIn(status: MessageStatus): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category: 'complaint', body: `到达 ${status}` } })
  expect(res.statusCode).toBe(201)
  const id = res.json().id
  for (const a of pathTo(status)) expect((await act(id, a)).statusCode).toBe(200)
  return id
}

describe('the server follows the message transition table for every (status, action) pair', () => {
  for (const status of MESSAGE_STATUSES) {
    for (const action of MESSAGE_ACTIONS) {
      const to = messageMachine.next(status, action)
      it(`${status} + ${action} → ${to ?? '409'}`, async () => {
        const id = await messageIn(status)
        const res = await act(id, action)
        if (to) {
          expect(res.statusCode).toBe(200)
          expect(res.json().status).toBe(to)
        } else {
          expect(res.statusCode).toBe(409)
          expect(res.json().message).toContain(`当前状态为「${MESSAGE_STATUS_LABELS[status]}」`)
        }
        const detail = await t.app.inject({ method: 'GET', url: `/api/items/${id}`, headers: bearer(staff) })
        const timeline = detail.json().timeline
        // Every applied change is one more event; a refused one leaves no trace.
        expect(timeline).toHaveLength(1 + pathTo(status).length + (to ? 1 : 0))
        expect(detail.json().status).toBe(to ?? status)
      })
    }
  }

  it('reject requires a reason', async () => {
    const id = await messageIn('new')
    const res = await t.app.inject({ method: 'POST', url: `/api/items/${id}/actions`, headers: bearer(staff), payload: { action: 'reject' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toMatch(/原因/)
  })

  it('a citizen may not accept their own message, and staff may not reopen for the citizen', async () => {
    const id = await messageIn('new')
    const own = await t.app.inject({ method: 'POST', url: `/api/items/${id}/actions`, headers: bearer(citizen), payload: { action: 'accept' } })
    expect(own.statusCode).toBe(403)
    const replied = await messageIn('replied')
    const reopen = await t.app.inject({ method: 'POST', url: `/api/items/${replied}/actions`, headers: bearer(staff), payload: { action: 'reopen' } })
    expect(reopen.statusCode).toBe(403)
  })

  it('two staff accepting at once: one wins, the other gets 409', async () => {
    const id = await messageIn('new')
    const other = await t.login('staff', '另一位')
    const results = await Promise.all([staff, other].map((s) => t.app.inject({ method: 'POST', url: `/api/items/${id}/actions`, headers: bearer(s), payload: { action: 'accept' } })))
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })
})
