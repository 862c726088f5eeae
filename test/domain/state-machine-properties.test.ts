import fc from 'fast-check'
import { ITEM_KINDS, ITEM_MACHINES } from '../../domain/item-kinds'
import { ROLES, type Role } from '../../domain/roles'
import { DESK_ROLES, INBOX_ROLES } from '../../domain/desk'
import type { ActionInputs, Milestone } from '../../domain/state-machine'
import { ACTION_INPUT_FIELDS, defineMachine } from '../../domain/state-machine'
import { ConflictError } from '../../domain/errors'

const ITEM_ID = 'a0000000-0000-4000-8000-000000000001'
const OTHER_ID = 'b0000000-0000-4000-8000-000000000002'

/** Inputs that satisfy a transition's rules: what a careful client sends (an item id where one is named). */
function validInputs(kind: (typeof ITEM_KINDS)[number], action: string): ActionInputs {
  const rules = ITEM_MACHINES[kind].table[action]!.inputs ?? {}
  const out: ActionInputs = {}
  for (const [field, rule] of Object.entries(rules)) if (rule.required) out[field as keyof ActionInputs] = rule.choices ? rule.choices[0]! : field === 'into' ? OTHER_ID : '内容'
  return out
}

/** What the service hands a guard: the item itself and, for an action naming another, an open one of the same kind. */
const context = (kind: (typeof ITEM_KINDS)[number]) => ({
  actorId: 'u1',
  history: [],
  itemId: ITEM_ID,
  other: { id: OTHER_ID, kind, status: ITEM_MACHINES[kind].initial.status, bucket: ITEM_MACHINES[kind].buckets[ITEM_MACHINES[kind].initial.status]! }
})

for (const kind of ITEM_KINDS) {
  const machine = ITEM_MACHINES[kind]
  const action = fc.constantFrom(...machine.actions, 'nonsense')
  const roles = fc.subarray([...ROLES] as Role[], { minLength: 1 })

  describe(`${kind} table properties`, () => {
    it('is complete: every status has a label and a bucket; every transition stays inside the statuses', () => {
      for (const s of machine.statuses) {
        expect(machine.statusLabels[s]).toEqual(expect.any(String))
        expect(['open', 'waiting', 'closed']).toContain(machine.buckets[s])
      }
      for (const a of machine.actions) {
        const t = machine.table[a]!
        expect(machine.statuses).toContain(t.to)
        for (const f of t.from) expect(machine.statuses).toContain(f)
      }
      expect(machine.statuses).toContain(machine.initial.status)
    })

    it('random action sequences with random roles and inputs never reach a state the table forbids', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(action, roles, fc.boolean()), { maxLength: 30 }), (steps) => {
          let status = machine.initial.status
          const milestones = new Set<Milestone>()
          for (const [a, rs, careful] of steps) {
            const inputs = careful && machine.isAction(a) ? validInputs(kind, a) : {}
            const r = machine.check({ status, action: a, roles: rs, inputs, context: context(kind) })
            const allowedHere = machine.isAction(a) && machine.table[a]!.from.includes(status)
            if (!allowedHere) {
              // Every action the table does not allow from here is a conflict (409), whoever asks.
              expect('error' in r && r.error).toBeInstanceOf(ConflictError)
              continue
            }
            if ('error' in r) continue
            const t = machine.table[a]!
            expect(r.to).toBe(t.to)
            expect(t.by.some((x) => (rs as readonly string[]).includes(x))).toBe(true)
            for (const m of t.stamps ?? []) milestones.add(m)
            for (const m of t.clears ?? []) milestones.delete(m)
            status = r.to
            // A closed item carries closed_at and nothing else does.
            expect(milestones.has('closed_at')).toBe(machine.buckets[status] === 'closed')
          }
          expect(machine.statuses).toContain(status)
        }),
        { numRuns: 500 }
      )
    })

    it('every required input is enforced, and input a transition does not take is refused', () => {
      for (const a of machine.actions) {
        const t = machine.table[a]!
        const from = t.from[0]!
        const by = [t.by[0]!]
        for (const [field, rule] of Object.entries(t.inputs ?? {})) {
          if (rule.required) {
            const without = { ...validInputs(kind, a) }
            delete without[field as keyof ActionInputs]
            const r = machine.check({ status: from, action: a, roles: by, inputs: without, context: context(kind) })
            expect('error' in r && r.error.kind).toBe('invalid')
          }
          if (rule.max) {
            const tooLong = { ...validInputs(kind, a), [field]: '字'.repeat(rule.max + 1) }
            const r = machine.check({ status: from, action: a, roles: by, inputs: tooLong, context: context(kind) })
            expect('error' in r && r.error.kind).toBe('invalid')
          }
        }
        for (const field of ACTION_INPUT_FIELDS) {
          if (t.inputs?.[field]) continue
          const r = machine.check({ status: from, action: a, roles: by, inputs: { ...validInputs(kind, a), [field]: 'x' }, context: context(kind) })
          expect('error' in r && r.error.kind).toBe('invalid')
        }
        expect(machine.check({ status: from, action: a, roles: by, inputs: validInputs(kind, a), context: context(kind) })).toEqual({ to: t.to })
      }
    })

    it('desk transitions are open to exactly the desk roles; reviewers only read', () => {
      for (const a of machine.actions) {
        const by = machine.table[a]!.by
        if (by.some((r) => (DESK_ROLES as readonly string[]).includes(r))) expect(DESK_ROLES.every((r) => by.includes(r))).toBe(true)
        expect(by).not.toContain('reviewer')
      }
      expect(INBOX_ROLES).toContain('reviewer')
    })
  })
}

describe('the message table includes merge', () => {
  it('after any walk, merge succeeds exactly from the open statuses, and nothing leaves merged', () => {
    const m = ITEM_MACHINES.message
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...m.actions), { maxLength: 12 }), (steps) => {
        let status = m.initial.status
        for (const a of steps) {
          const r = m.check({ status, action: a, roles: ['staff', 'citizen'], inputs: validInputs('message', a), context: context('message') })
          if (!('error' in r)) status = r.to
        }
        const r = m.check({ status, action: 'merge', roles: ['staff'], inputs: validInputs('message', 'merge'), context: context('message') })
        if (m.buckets[status] === 'open') {
          expect(r).toEqual({ to: 'merged' })
          expect(m.allowed('merged', [...ROLES])).toEqual([])
        } else expect('error' in r && r.error).toBeInstanceOf(ConflictError)
      }),
      { numRuns: 300 }
    )
  })
})

describe('guards', () => {
  // The shape the three-stage review needs: no one signs two stages.
  const review = defineMachine<'draft' | 'one' | 'two', 'sign1' | 'sign2', Role>({
    noun: '稿件',
    statuses: ['draft', 'one', 'two'],
    statusLabels: { draft: '草稿', one: '一审', two: '二审' },
    buckets: { draft: 'open', one: 'open', two: 'closed' },
    initial: { status: 'draft', event: 'create', label: '新建', public: false },
    table: {
      sign1: { from: ['draft'], to: 'one', by: ['reviewer'], label: '一审签发', public: false },
      sign2: {
        from: ['one'],
        to: 'two',
        by: ['reviewer'],
        label: '二审签发',
        public: false,
        guard: (ctx) => (ctx.history.some((e) => e.actorId === ctx.actorId && e.action === 'sign1') ? new ConflictError('同一人不能签两审') : null)
      }
    }
  })
  it('read who did what before and refuse with their own error', () => {
    const history = [{ action: 'sign1', actorId: 'u1' }]
    const same = review.check({ status: 'one', action: 'sign2', roles: ['reviewer'], inputs: {}, context: { actorId: 'u1', history } })
    expect('error' in same && same.error.message).toBe('同一人不能签两审')
    expect(review.check({ status: 'one', action: 'sign2', roles: ['reviewer'], inputs: {}, context: { actorId: 'u2', history } })).toEqual({ to: 'two' })
  })
})
