import { caseFeedbackLabel, caseMachine, CASE_STATUSES, CASE_ACTIONS, CASE_STATUS_BUCKET, type CaseStatus, type CaseAction } from '../../domain/case/state-machine'

// The full table, written out by hand from DESIGN.md: every (status, action) pair and its result.
const expected: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  new: { accept: 'accepted', return: 'returned', archive: 'archived' },
  accepted: { use: 'used' },
  used: { publish: 'published' },
  published: {},
  returned: { resubmit: 'resubmitted' },
  resubmitted: { accept: 'accepted', return: 'returned', archive: 'archived' },
  archived: {}
}

describe('case state machine', () => {
  for (const status of CASE_STATUSES) {
    for (const action of CASE_ACTIONS) {
      const want = expected[status][action] ?? null
      it(`${status} --${action}--> ${want ?? 'refused'}`, () => {
        expect(caseMachine.next(status, action)).toBe(want)
      })
    }
  }

  it('starts at new with a public create event', () => {
    expect(caseMachine.initial).toMatchObject({ status: 'new', event: 'create', public: true })
  })

  it('puts each status in the bucket the desk counts it in', () => {
    expect(CASE_STATUS_BUCKET).toEqual({
      new: 'open',
      resubmitted: 'open',
      returned: 'waiting',
      accepted: 'waiting',
      used: 'waiting',
      published: 'closed',
      archived: 'closed'
    })
  })

  it('only the officer resubmits; staff triage; reviewers do nothing', () => {
    expect(caseMachine.allowed('returned', ['officer'])).toEqual(['resubmit'])
    expect(caseMachine.allowed('returned', ['staff'])).toEqual([])
    expect(caseMachine.allowed('new', ['officer'])).toEqual([])
    expect(caseMachine.allowed('new', ['staff']).sort()).toEqual(['accept', 'archive', 'return'])
    expect(caseMachine.allowed('new', ['admin']).sort()).toEqual(['accept', 'archive', 'return'])
    for (const s of CASE_STATUSES) expect(caseMachine.allowed(s, ['reviewer'])).toEqual([])
  })

  it('return and archive need a note; accepting stamps accepted_at; archive and publish stamp closed_at; resubmit clears it', () => {
    expect(caseMachine.table.return.inputs?.note?.required).toBe(true)
    expect(caseMachine.table.archive.inputs?.note?.required).toBe(true)
    expect(caseMachine.table.accept.stamps).toEqual(['accepted_at'])
    expect(caseMachine.table.archive.stamps).toEqual(['closed_at'])
    expect(caseMachine.table.publish.stamps).toEqual(['closed_at'])
    expect(caseMachine.table.resubmit.clears).toEqual(['closed_at'])
    expect(caseMachine.table.use.stamps ?? []).toEqual([])
  })

  it('check refuses in the order a person needs: unknown action, wrong status, role, input', () => {
    const staff = ['staff'] as const
    const err = (r: ReturnType<typeof caseMachine.check>) => ('error' in r ? [r.error.kind, r.error.message] : ['ok', r.to])
    expect(err(caseMachine.check({ status: 'new', action: 'close', roles: staff, inputs: {} }))).toEqual(['conflict', '事例没有「close」这个操作'])
    expect(err(caseMachine.check({ status: 'archived', action: 'accept', roles: staff, inputs: {} }))).toEqual(['conflict', '当前状态为「已存档」，不能执行「采用为素材」'])
    expect(err(caseMachine.check({ status: 'new', action: 'accept', roles: ['officer'], inputs: {} }))[0]).toBe('forbidden')
    expect(err(caseMachine.check({ status: 'new', action: 'return', roles: staff, inputs: {} }))).toEqual(['invalid', '「退回补充」时请填写需要补充的内容（note）'])
    expect(err(caseMachine.check({ status: 'new', action: 'return', roles: staff, inputs: { note: '   ' } }))[0]).toBe('invalid')
    expect(err(caseMachine.check({ status: 'new', action: 'accept', roles: staff, inputs: { reason: 'spam' } }))[0]).toBe('invalid')
    expect(err(caseMachine.check({ status: 'new', action: 'return', roles: staff, inputs: { note: '请补充照片' } }))).toEqual(['ok', 'returned'])
  })
})

describe('what the app shows, read from the tables', () => {
  it('one tap for accept; return and archive need a note; drafts actions are not on the item page', () => {
    expect(caseMachine.allowed('new', ['staff']).filter((a) => caseMachine.isOneTap(a))).toEqual(['accept'])
    expect(caseMachine.requiredInput('return')).toBe('note')
    expect(caseMachine.requiredInput('archive')).toBe('note')
    expect(caseMachine.isOneTap('use')).toBe(false)
    expect(caseMachine.isOneTap('publish')).toBe(false)
  })
})

describe("the officer's card reads why a case ended from the table", () => {
  it('an archived case shows 存档原因 (the archive note), any other the staff feedback', () => {
    expect(caseFeedbackLabel('archived')).toBe('存档原因')
    expect(caseFeedbackLabel('returned')).toBe('宣传人员反馈')
    expect(caseFeedbackLabel('accepted')).toBe('宣传人员反馈')
    expect(caseFeedbackLabel('published')).toBe('宣传人员反馈')
  })
})
