import { caseMachine, type CaseAction, type CaseStatus } from '../case/state-machine'

/** The case table's action taken when a draft uses a case (accepted → used), found by its `via`. */
export const CASE_USE_ACTION: CaseAction = caseMachine.actions.find((a) => caseMachine.table[a].via === 'drafts' && caseMachine.table[a].from.includes('accepted'))!

/**
 * Cases a draft may be written from: accepted ones (which the draft moves to used), and ones
 * already used or published, since a case can feed several drafts.
 */
export const DRAFTABLE_CASE_STATUSES: readonly CaseStatus[] = [...caseMachine.table[CASE_USE_ACTION].from, caseMachine.table[CASE_USE_ACTION].to, 'published']
export const isDraftableCase = (status: string) => (DRAFTABLE_CASE_STATUSES as readonly string[]).includes(status)
/** Whether using a case in a draft moves it on (only an accepted one does). */
export const caseMovesWhenUsed = (status: string) => (caseMachine.table[CASE_USE_ACTION].from as readonly string[]).includes(status)
