import { caseMachine, type CaseAction } from '../case/state-machine'

/** The case table's action taken when a draft that used the case is published (used → published), found by its `via`. */
export const CASE_PUBLISH_ACTION: CaseAction = caseMachine.actions.find((a) => caseMachine.table[a].via === 'drafts' && caseMachine.table[a].from.includes('used'))!

/** Whether recording a publication moves a case on (a case already published by another draft stays). */
export const caseMovesWhenPublished = (status: string) => (caseMachine.table[CASE_PUBLISH_ACTION].from as readonly string[]).includes(status)
