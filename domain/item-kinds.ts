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
/** An action of either table (what the app may ask the server to do to an item). */
export type ItemAction = MessageAction | CaseAction

// Typed from the tables themselves (ITEM_MACHINES widens to string), so schemas built on it
// give ItemAction and the app's comparisons are checked against the tables.
export const ALL_ACTIONS: readonly ItemAction[] = [...new Set<ItemAction>([...messageMachine.actions, ...caseMachine.actions])]

export const isItemAction = (action: string): action is ItemAction => messageMachine.isAction(action) || caseMachine.isAction(action)

/**
 * What `roles` may do now to an item of `kind` in `status` (the item's allowedActions), typed as
 * the tables' actions: ITEM_MACHINES speaks plain strings so both kinds fit one record.
 */
export function allowedItemActions(kind: ItemKind, status: string, roles?: readonly MachineRole[]): ItemAction[] {
  return ITEM_MACHINES[kind].allowed(status, roles).filter(isItemAction)
}
