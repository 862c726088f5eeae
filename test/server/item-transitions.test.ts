import { insertItem } from '../helpers/inbox-fixtures'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { messageMachine, MESSAGE_STATUS_LABELS } from '../../domain/message/state-machine'
import { caseMachine, CASE_STATUS_LABELS } from '../../domain/case/state-machine'
import type { Machine } from '../../domain/state-machine'
import type { Role } from '../../domain/roles'
import type { SessionView } from '../../domain/schemas/auth'
import { COMPLAINT_EXTRAS } from '../helpers/message-fixtures'

let t: TestApp
let staff: SessionView
let author: SessionView
let serial = 0
beforeAll(async () => {
  t = await createTestApp()
  staff = await t.login('staff', '办理人')
})

type Kind = 'message' | 'case'
const MACHINES: Record<Kind, Machine<string, string, Role>> = { message: messageMachine, case: caseMachine }
const LABELS: Record<Kind, Record<string, string>> = { message: MESSAGE_STATUS_LABELS, case: CASE_STATUS_LABELS }

/** The shortest path of actions from `new` to each status, found by walking the table. */
function pathTo(machine: Machine<string, string, Role>, target: string): string[] {
  const queue: [string, string[]][] = [['new', []]]
  const seen = new Set<string>()
  while (queue.length) {
    const [s, p] = queue.shift()!
    if (s === target) return p
    if (seen.has(s)) continue
    seen.add(s)
    for (const a of machine.actions) {
      const n = machine.next(s, a)
      if (n) queue.push([n, [...p, a]])
    }
  }
  throw new Error(`unreachable: ${target}`)
}

async function create(kind: Kind): Promise<string> {
  // A new author each time keeps everyone well under the per-person posting limit.
  serial++
  author = await t.login(kind === 'message' ? 'citizen' : 'officer', `作者-${serial}`)
  const res =
    kind === 'message'
      ? await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(author), payload: { category: 'complaint', ...COMPLAINT_EXTRAS, body: '状态机测试' } })
      : await t.app.inject({
          method: 'POST',
          url: '/api/cases',
          headers: bearer(author),
          payload: { clientId: `walk-${serial}-xxxx`, title: '状态机测试', body: '内容', occurredAt: new Date().toISOString(), mediaIds: [] }
        })
  expect(res.statusCode).toBe(201)
  return res.json().id
}

async function act(kind: Kind, id: string, action: string) {
  const byStaff = MACHINES[kind].table[action].by.includes('staff')
  if (action === 'reply') return t.app.inject({ method: 'POST', url: `/api/items/${id}/reply`, headers: bearer(staff), payload: { body: '答复内容' } })
  if (action === 'resubmit') {
    const payload = { title: '补充后', body: '补充内容', occurredAt: new Date().toISOString(), mediaIds: [] }
    return t.app.inject({ method: 'POST', url: `/api/cases/${id}/resubmit`, headers: bearer(author), payload })
  }
  // What each action requires comes from its table entry (reject: a reason; return, archive: a note).
  const needs = MACHINES[kind].requiredInput(action)
  // A merge names its survivor: another message of the bureau, still new.
  const into = needs === 'into' ? await insertItem(t.db, t.orgId, { kind: 'message', body: '合并目标', authorId: staff.user.id }) : undefined
  const payload = needs === 'reason' ? { action, reason: 'spam' } : needs === 'note' ? { action, note: '请补充现场照片' } : into ? { action, into } : { action }
  return t.app.inject({ method: 'POST', url: `/api/items/${id}/actions`, headers: bearer(byStaff ? staff : author), payload })
}

for (const kind of ['message', 'case'] as const) {
  const machine = MACHINES[kind]
  describe(`the server follows the ${kind} transition table for every (status, action) pair`, () => {
    for (const status of machine.statuses) {
      for (const action of machine.actions) {
        const to = machine.next(status, action)
        it(`${status} + ${action} → ${to ?? '409'}`, async () => {
          const id = await create(kind)
          for (const step of pathTo(machine, status)) expect((await act(kind, id, step)).statusCode).toBe(200)
          const res = await act(kind, id, action)
          if (to) {
            expect(res.statusCode).toBe(200)
            expect(res.json().status).toBe(to)
          } else {
            expect(res.statusCode).toBe(409)
            expect(res.json().message).toContain(`当前状态为「${LABELS[kind][status]}」`)
          }
          const detail = (await t.app.inject({ method: 'GET', url: `/api/items/${id}`, headers: bearer(staff) })).json()
          // Every applied change is one more event; a refused one leaves no trace.
          expect(detail.timeline).toHaveLength(1 + pathTo(machine, status).length + (to ? 1 : 0))
          expect(detail.status).toBe(to ?? status)
        })
      }
    }
  })
}

describe('who may act', () => {
  it('reject needs a reason and return needs a note', async () => {
    const m = await create('message')
    const reject = await t.app.inject({ method: 'POST', url: `/api/items/${m}/actions`, headers: bearer(staff), payload: { action: 'reject' } })
    expect(reject.statusCode).toBe(400)
    expect(reject.json().message).toMatch(/原因/)
    const c = await create('case')
    const ret = await t.app.inject({ method: 'POST', url: `/api/items/${c}/actions`, headers: bearer(staff), payload: { action: 'return' } })
    expect(ret.statusCode).toBe(400)
    expect(ret.json().message).toMatch(/补充/)
  })

  it('an author may not triage their own item, and staff may not act in the author’s place', async () => {
    const m = await create('message')
    const own = await t.app.inject({ method: 'POST', url: `/api/items/${m}/actions`, headers: bearer(author), payload: { action: 'accept' } })
    expect(own.statusCode).toBe(403)
    for (const step of pathTo(messageMachine, 'replied')) await act('message', m, step)
    const reopen = await t.app.inject({ method: 'POST', url: `/api/items/${m}/actions`, headers: bearer(staff), payload: { action: 'reopen' } })
    expect(reopen.statusCode).toBe(403)
  })

  it('an action of the other kind is refused with 409', async () => {
    const c = await create('case')
    const res = await t.app.inject({ method: 'POST', url: `/api/items/${c}/actions`, headers: bearer(staff), payload: { action: 'close' } })
    expect(res.statusCode).toBe(409)
  })

  it('two staff accepting at once: one wins, the other gets 409', async () => {
    const id = await create('message')
    const other = await t.login('staff', '另一位')
    const results = await Promise.all([staff, other].map((s) => t.app.inject({ method: 'POST', url: `/api/items/${id}/actions`, headers: bearer(s), payload: { action: 'accept' } })))
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })
})

afterAll(() => t.close())
