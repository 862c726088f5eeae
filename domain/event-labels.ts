import { ITEM_MACHINES, type ItemKind } from './item-kinds'
import { DESK_OPERATIONS, type DeskOperationName } from './desk-operations'
import { MERGED_IN_EVENT, MERGED_IN_LABEL } from './message/state-machine'
import { CONTACT_REVEAL_EVENT, CONTACT_REVEAL_LABEL } from './message/contact'

/** What a timeline event did, in words: the creation, a transition of the kind's table, desk work, a merge received or a phone number revealed. */
export function eventActionLabel(kind: ItemKind, action: string): string {
  const machine = ITEM_MACHINES[kind]
  if (action === machine.initial.event) return machine.initial.label
  if (machine.isAction(action)) return machine.table[action]!.label
  if (action === MERGED_IN_EVENT) return MERGED_IN_LABEL
  if (action === CONTACT_REVEAL_EVENT) return CONTACT_REVEAL_LABEL
  return DESK_OPERATIONS[action as DeskOperationName]?.label ?? action
}
