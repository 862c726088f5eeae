import { messageMachine, MESSAGE_STATUSES, MESSAGE_ACTIONS, ratingAction, RATINGS, type MessageStatus, type MessageAction } from '../../domain/message/state-machine'

// The full table, written out independently: every (status, action) pair and its expected result.
const expected: Record<MessageStatus, Partial<Record<MessageAction, MessageStatus>>> = {
  new: { accept: 'accepted', reject: 'rejected', merge: 'merged' },
  accepted: { start: 'in_progress', reply: 'replied', merge: 'merged' },
  in_progress: { reply: 'replied', merge: 'merged' },
  replied: { close: 'closed', reopen: 'reopened', auto_close: 'closed' },
  closed: {},
  rejected: {},
  reopened: { start: 'in_progress', reply: 'replied', merge: 'merged' },
  merged: {}
}

describe('message state machine', () => {
  for (const status of MESSAGE_STATUSES) {
    for (const action of MESSAGE_ACTIONS) {
      const want = expected[status][action] ?? null
      it(`${status} --${action}--> ${want ?? 'refused'}`, () => {
        expect(messageMachine.next(status, action)).toBe(want)
      })
    }
  }

  it('every status is reachable from new', () => {
    const seen = new Set<MessageStatus>(['new'])
    let frontier: MessageStatus[] = ['new']
    while (frontier.length) {
      const next: MessageStatus[] = []
      for (const s of frontier)
        for (const a of MESSAGE_ACTIONS) {
          const t = messageMachine.next(s, a)
          if (t && !seen.has(t)) (seen.add(t), next.push(t))
        }
      frontier = next
    }
    expect([...seen].sort()).toEqual([...MESSAGE_STATUSES].sort())
  })

  it('only the citizen may reopen, and citizens cannot accept', () => {
    expect(messageMachine.allowed('replied', ['citizen']).sort()).toEqual(['close', 'reopen'])
    expect(messageMachine.allowed('new', ['citizen'])).toEqual([])
    expect(messageMachine.allowed('new', ['staff']).sort()).toEqual(['accept', 'merge', 'reject'])
  })

  it('merged is closed for good: it counts as closed and nothing leaves it', () => {
    expect(messageMachine.buckets.merged).toBe('closed')
    expect(messageMachine.allowed('merged')).toEqual([])
    expect(messageMachine.table.merge.stamps).toEqual(['closed_at'])
    expect(messageMachine.table.merge.public).toBe(true)
  })
})

describe('merge guard', () => {
  const into = 'b0000000-0000-4000-8000-000000000002'
  const self = 'a0000000-0000-4000-8000-000000000001'
  const check = (other: { id: string; kind: string; status: string; bucket: 'open' | 'waiting' | 'closed' } | null, target = into) =>
    messageMachine.check({ status: 'accepted', action: 'merge', roles: ['staff'], inputs: { into: target }, context: { actorId: 'u', history: [], itemId: self, other } })

  it('lets a message merge into another open or waiting message of the bureau', () => {
    expect(check({ id: into, kind: 'message', status: 'new', bucket: 'open' })).toEqual({ to: 'merged' })
    expect(check({ id: into, kind: 'message', status: 'replied', bucket: 'waiting' })).toEqual({ to: 'merged' })
  })
  it('refuses itself, a case, a closed, rejected or merged target, and one not found in the bureau', () => {
    const err = (r: ReturnType<typeof check>) => ('error' in r ? [r.error.kind, r.error.message] : null)
    expect(err(check({ id: self, kind: 'message', status: 'new', bucket: 'open' }, self))).toEqual(['invalid', '不能把留言合并到它自己，请选择另一条留言'])
    expect(err(check({ id: into, kind: 'case', status: 'new', bucket: 'open' }))).toEqual(['invalid', '留言只能合并到另一条留言，不能合并到事例'])
    expect(err(check({ id: into, kind: 'message', status: 'closed', bucket: 'closed' }))?.[0]).toBe('conflict')
    expect(err(check({ id: into, kind: 'message', status: 'merged', bucket: 'closed' }))?.[1]).toContain('已合并')
    expect(err(check(null))).toEqual(['not_found', '要合并到的留言不存在，或不属于本局'])
  })
  it('requires the target and refuses citizens', () => {
    const r = messageMachine.check({ status: 'new', action: 'merge', roles: ['staff'], inputs: {}, context: { actorId: 'u', history: [], itemId: self } })
    expect('error' in r && r.error.kind).toBe('invalid')
    const c = messageMachine.check({ status: 'new', action: 'merge', roles: ['citizen'], inputs: { into }, context: { actorId: 'u', history: [], itemId: self, other: null } })
    expect('error' in c && c.error.kind).toBe('forbidden')
  })
})

describe('what the app shows, read from the table', () => {
  it('reject asks for a reason, reply for a text; the rest are one tap', async () => {
    const { messageMachine: m } = await import('../../domain/message/state-machine')
    expect(m.requiredInput('reject')).toBe('reason')
    expect(m.requiredInput('reply')).toBe('body')
    expect(m.requiredInput('merge')).toBe('into')
    expect(m.actions.filter((a) => m.isOneTap(a)).sort()).toEqual(['accept', 'close', 'reopen', 'start'])
  })
})

describe('rating: the input of close and reopen', () => {
  const rate = (action: string, roles: ('citizen' | 'staff' | 'system')[], rating: string, note?: string) =>
    messageMachine.check({ status: 'replied', action, roles, inputs: { rating, ...(note ? { note } : {}) } })
  const err = (r: ReturnType<typeof rate>) => ('error' in r ? r.error.kind : null)

  it('满意 and 基本满意 close, 不满意 reopens: the action is the one whose rating input accepts it', () => {
    expect(RATINGS.map((r) => [r, ratingAction(r)])).toEqual([
      ['satisfied', 'close'],
      ['basically_satisfied', 'close'],
      ['dissatisfied', 'reopen']
    ])
    expect(rate('close', ['citizen'], 'satisfied')).toEqual({ to: 'closed' })
    expect(rate('reopen', ['citizen'], 'dissatisfied', '还没解决')).toEqual({ to: 'reopened' })
  })
  it('a rating that does not fit the action is refused', () => {
    expect(err(rate('close', ['citizen'], 'dissatisfied'))).toBe('invalid')
    expect(err(rate('reopen', ['citizen'], 'satisfied'))).toBe('invalid')
  })
  it('only the author (who acts with the citizen role) rates; staff close without one', () => {
    expect(err(rate('close', ['staff'], 'satisfied'))).toBe('forbidden')
    expect(messageMachine.check({ status: 'replied', action: 'close', roles: ['staff'], inputs: {} })).toEqual({ to: 'closed' })
  })
  it('no rating in time: only the system closes, and never through a button', () => {
    expect(messageMachine.check({ status: 'replied', action: 'auto_close', roles: ['system'], inputs: {} })).toEqual({ to: 'closed' })
    for (const roles of [['citizen'], ['staff'], ['admin']] as const) {
      expect(err(messageMachine.check({ status: 'replied', action: 'auto_close', roles, inputs: {} }) as ReturnType<typeof rate>)).toBe('forbidden')
    }
    expect(messageMachine.isOneTap('auto_close')).toBe(false)
    expect(messageMachine.table.auto_close.stamps).toEqual(['closed_at'])
  })
})
