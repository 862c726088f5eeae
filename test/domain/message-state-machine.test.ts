import { messageMachine, MESSAGE_STATUSES, MESSAGE_ACTIONS, type MessageStatus, type MessageAction } from '../../domain/message/state-machine'

// The full table, written out independently: every (status, action) pair and its expected result.
const expected: Record<MessageStatus, Partial<Record<MessageAction, MessageStatus>>> = {
  new: { accept: 'accepted', reject: 'rejected' },
  accepted: { start: 'in_progress', reply: 'replied' },
  in_progress: { reply: 'replied' },
  replied: { close: 'closed', reopen: 'reopened' },
  closed: {},
  rejected: {},
  reopened: { start: 'in_progress', reply: 'replied' }
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
    expect(messageMachine.allowed('new', ['staff']).sort()).toEqual(['accept', 'reject'])
  })
})

describe('what the app shows, read from the table', () => {
  it('reject asks for a reason, reply for a text; the rest are one tap', async () => {
    const { messageMachine: m } = await import('../../domain/message/state-machine')
    expect(m.requiredInput('reject')).toBe('reason')
    expect(m.requiredInput('reply')).toBe('body')
    expect(m.actions.filter((a) => m.isOneTap(a)).sort()).toEqual(['accept', 'close', 'reopen', 'start'])
  })
})
