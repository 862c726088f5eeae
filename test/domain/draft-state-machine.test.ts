import fc from 'fast-check'
import {
  canRecordPublication,
  currentSignatures,
  DRAFT_STATUSES,
  draftMachine,
  REVIEW_STAGES,
  STAGE_APPROVE_ACTION,
  type DraftAction,
  type DraftStatus,
  type ReviewStage
} from '../../domain/draft'
import { ConflictError, ForbiddenError } from '../../domain/errors'
import type { Role } from '../../domain/roles'

const PEOPLE = ['author', 'p1', 'p2', 'p3', 'p4', 'p5'] as const
type Person = (typeof PEOPLE)[number]
type Event = { action: string; actorId: string | null; from: string | null }

/** A walk: the draft as the service keeps it (status, append-only history) and the check it asks. */
function take(status: DraftStatus, history: Event[], action: string, actor: string, config: Record<ReviewStage, readonly string[]>, opts: { openFlags?: number; roles?: Role[]; note?: string } = {}) {
  const stage = (REVIEW_STAGES as readonly string[]).includes(status) ? (status as ReviewStage) : null
  return draftMachine.check({
    status,
    action,
    roles: opts.roles ?? ['reviewer', 'staff'],
    inputs: action === 'return' ? { note: opts.note ?? '请补充数据' } : action === 'withdraw' ? { reason: '数据有误' } : {},
    context: { actorId: actor, history, review: { authorIds: ['author'], stageReviewers: stage ? config[stage] : [], openFlags: opts.openFlags ?? 0 } }
  })
}

describe('draft table', () => {
  it('is complete and walks drafting → three stages → approved → published → withdrawn', () => {
    for (const s of draftMachine.statuses) expect(draftMachine.statusLabels[s]).toEqual(expect.any(String))
    const config = { first_review: ['p1'], second_review: ['p2'], final_review: ['p3'] }
    const history: Event[] = []
    let status: DraftStatus = 'drafting'
    const steps: [DraftAction, string][] = [
      ['submit', 'author'],
      ['approve_first', 'p1'],
      ['approve_second', 'p2'],
      ['approve_final', 'p3'],
      ['publish', 'author'],
      ['withdraw', 'author']
    ]
    for (const [a, who] of steps) {
      const r = take(status, history, a, who, config)
      expect(r).toEqual({ to: draftMachine.table[a].to })
      if ('to' in r) {
        history.push({ action: a, actorId: who, from: status })
        status = r.to
      }
    }
    expect(status).toBe('withdrawn')
    expect(draftMachine.table.publish.via).toBe('ledger')
  })

  it('refuses the author, a person not configured for the stage, and open flags at 终审', () => {
    const config = { first_review: ['p1', 'author'], second_review: ['p2'], final_review: ['p3'] }
    const own = take('first_review', [], 'approve_first', 'author', config)
    expect('error' in own && own.error).toBeInstanceOf(ForbiddenError)
    const stranger = take('first_review', [], 'approve_first', 'p2', config)
    expect('error' in stranger && stranger.error.code).toBe('not_stage_reviewer')
    const flags = take('final_review', [], 'approve_final', 'p3', config, { openFlags: 2 })
    expect('error' in flags && flags.error.code).toBe('open_flags')
    expect(take('final_review', [], 'approve_final', 'p3', config)).toEqual({ to: 'approved' })
  })

  it('a return needs a comment; resubmit only after a return, submit only once', () => {
    const config = { first_review: ['p1'], second_review: ['p2'], final_review: ['p3'] }
    const r = take('second_review', [], 'return', 'p2', config, { note: ' ' })
    expect('error' in r && r.error.kind).toBe('invalid')
    const early = take('drafting', [], 'resubmit', 'author', config)
    expect('error' in early && early.error).toBeInstanceOf(ConflictError)
    const twice = take('drafting', [{ action: 'submit', actorId: 'author', from: 'drafting' }, { action: 'return', actorId: 'p1', from: 'first_review' }], 'submit', 'author', config)
    expect('error' in twice && twice.error.code).toBe('already_submitted')
  })

  it('one person, one stage: a 初审 signer refused at 复审 even after a return and resubmission', () => {
    const config = { first_review: ['p1'], second_review: ['p1', 'p2'], final_review: ['p3'] }
    const history: Event[] = [
      { action: 'submit', actorId: 'author', from: 'drafting' },
      { action: 'approve_first', actorId: 'p1', from: 'first_review' },
      { action: 'return', actorId: 'p2', from: 'second_review' },
      { action: 'resubmit', actorId: 'author', from: 'drafting' }
    ]
    expect(take('first_review', history, 'approve_first', 'p1', config)).toEqual({ to: 'second_review' })
    const again = take('second_review', [...history, { action: 'approve_first', actorId: 'p1', from: 'first_review' }], 'approve_second', 'p1', config)
    expect('error' in again && again.error.code).toBe('stage_already_signed')
  })

  it('property: random approvals, returns, resubmissions and reviewer choices never let one person sign two stages or skip one', () => {
    const people = fc.constantFrom(...PEOPLE)
    // Each stage's configured reviewers: any subset of everyone, the author included (the guard must still refuse them).
    const config = fc.record({
      first_review: fc.subarray([...PEOPLE], { minLength: 1 }),
      second_review: fc.subarray([...PEOPLE], { minLength: 1 }),
      final_review: fc.subarray([...PEOPLE], { minLength: 1 })
    })
    const step = fc.tuple(fc.constantFrom(...draftMachine.actions), people, fc.nat(2))
    fc.assert(
      fc.property(config, fc.array(step, { maxLength: 60 }), (cfg, steps) => {
        let status: DraftStatus = 'drafting'
        const history: Event[] = []
        for (const [action, who, flags] of steps) {
          const r = take(status, history, action, who, cfg, { openFlags: flags === 2 ? 1 : 0 })
          if ('error' in r) continue
          const t = draftMachine.table[action]
          // No skipped stage: every approval moves exactly one stage on.
          const stageIdx = REVIEW_STAGES.indexOf(status as ReviewStage)
          if (action.startsWith('approve_')) {
            expect(STAGE_APPROVE_ACTION[REVIEW_STAGES[stageIdx]!]).toBe(action)
            expect(r.to).toBe(REVIEW_STAGES[stageIdx + 1] ?? 'approved')
            expect(who).not.toBe('author')
            expect(cfg[status as ReviewStage]).toContain(who)
            if (action === 'approve_final') expect(flags).not.toBe(2)
          }
          expect(r.to).toBe(t.to)
          history.push({ action, actorId: who, from: status })
          status = r.to
        }
        // Across the whole history, each person acted at no more than one stage.
        const stagesOf = new Map<string, Set<string>>()
        for (const e of history) if (e.action.startsWith('approve_') || e.action === 'return') stagesOf.set(e.actorId!, (stagesOf.get(e.actorId!) ?? new Set()).add(e.from!))
        for (const s of stagesOf.values()) expect(s.size).toBe(1)
        // Whatever got approved carries the three stages of its last round, by three different people.
        if (['approved', 'published', 'withdrawn'].includes(status)) {
          const sigs = currentSignatures(history)
          const signers = REVIEW_STAGES.map((s) => sigs[s]?.actorId)
          expect(signers.every(Boolean)).toBe(true)
          expect(new Set(signers).size).toBe(3)
        }
      }),
      { numRuns: 1000 }
    )
  })

  it('property: approved is only ever reached through 初审, 复审 and 终审 in order since the last (re)submission', () => {
    const cfg = { first_review: ['p1', 'p4'], second_review: ['p2', 'p4'], final_review: ['p3', 'p5'] }
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...draftMachine.actions), fc.constantFrom<Person>(...PEOPLE)), { maxLength: 40 }), (steps) => {
        let status: DraftStatus = 'drafting'
        const history: Event[] = []
        for (const [action, who] of steps) {
          const r = take(status, history, action, who, cfg)
          if ('error' in r) continue
          history.push({ action, actorId: who, from: status })
          status = r.to
          if (status === 'approved') {
            const lastSubmit = history.map((e) => e.action === 'submit' || e.action === 'resubmit').lastIndexOf(true)
            const since = history.slice(lastSubmit)
            expect(since.filter((e) => e.action.startsWith('approve_')).map((e) => e.action)).toEqual(['approve_first', 'approve_second', 'approve_final'])
          }
        }
      }),
      { numRuns: 500 }
    )
  })
})

describe('where a publication can be recorded', () => {
  it('approved (the ledger publishes) or already published (a further outlet), by writers only', () => {
    const recordable = DRAFT_STATUSES.filter((s) => canRecordPublication(s, ['staff']))
    expect(recordable).toEqual(['approved', 'published'])
    expect(DRAFT_STATUSES.some((s) => canRecordPublication(s, ['reviewer', 'officer', 'citizen']))).toBe(false)
  })
})
