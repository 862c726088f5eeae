import type { Machine } from './state-machine'
import type { MachineRole } from './roles'
import { messageMachine, type MessageAction } from './message/state-machine'
import { caseMachine, type CaseAction } from './case/state-machine'

export const ITEM_KINDS = ['message', 'case'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

/** Each kind of item follows its own transition table. */
export const ITEM_MACHINES: Readonly<Record<ItemKind, Machine<string, string, MachineRole>>> = {
  message: messageMachine,
  case: caseMachine
}

/** Every status any kind can be in (the inbox filters across kinds). */
export const ALL_STATUSES: readonly string[] = [...new Set(ITEM_KINDS.flatMap((k) => ITEM_MACHINES[k].statuses))]
export const ALL_ACTIONS: readonly string[] = [...new Set(ITEM_KINDS.flatMap((k) => ITEM_MACHINES[k].actions))]

/** An action of either table (what the app may ask the server to do to an item). */
export type ItemAction = MessageAction | CaseAction
