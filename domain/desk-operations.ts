import type { Role } from './roles'
import type { InputRule, StatusBucket } from './state-machine'
import { DESK_ROLES, NOTE_ROLES } from './desk'
import { INTERNAL_NOTE_MAX } from './limits'
import { MESSAGE_STATUS_LABELS, messageMachine, REPLY_ACTION, type MessageAction } from './message/state-machine'
import type { CaseAction } from './case/state-machine'

/**
 * Desk work that changes an item without moving its status. Each is a timeline event like a
 * transition, and like one it is described here once: its label, who may do it, in which
 * buckets, whether the item's author sees it. None of them is public: the citizen sees what
 * was done for them, not who inside the bureau held the item.
 */
export interface DeskOperation {
  label: string
  by: readonly Role[]
  buckets: readonly StatusBucket[]
  public: boolean
  inputs?: { body?: InputRule }
}

const ALL: readonly StatusBucket[] = ['open', 'waiting', 'closed']

export const DESK_OPERATIONS = {
  assign: { label: '分派', by: DESK_ROLES, buckets: ['open', 'waiting'], public: false },
  priority: { label: '设置优先级', by: DESK_ROLES, buckets: ['open', 'waiting'], public: false },
  // Tagging a closed item still counts for the year's reports on a topic.
  topics: { label: '标记重点主题', by: DESK_ROLES, buckets: ALL, public: false },
  note: { label: '内部备注', by: NOTE_ROLES, buckets: ALL, public: false, inputs: { body: { required: true, label: '备注内容', max: INTERNAL_NOTE_MAX } } }
} as const satisfies Record<string, DeskOperation>
export type DeskOperationName = keyof typeof DESK_OPERATIONS

/** The event that records an item's creation (each machine's `initial.event`). */
export const CREATE_EVENT = 'create'

export const PRIORITIES = [0, 1, 2] as const
export type Priority = (typeof PRIORITIES)[number]
export const PRIORITY_LABELS: Record<Priority, string> = { 0: '普通', 1: '优先', 2: '紧急' }

/** `@姓名` in a note: a name runs until whitespace or punctuation. */
export const MENTION_PATTERN = /@([^\s@，。,.;；:：!！?？、()（）]{1,32})/gu

export function mentionedNames(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION_PATTERN)].map((m) => m[1]!))]
}

/** Taking an item on: 受理 a message, 采用 a case; both tables call it `accept`. */
export const ACCEPT_ACTION = 'accept' satisfies MessageAction & CaseAction

/**
 * The transitions the desk's keys take (issue 6 §3: e 受理, r 答复). The item's own table still
 * decides whether the action is open to it now (DeskItemDetail.allowedActions).
 */
export const SHORTCUT_ACTIONS = { e: ACCEPT_ACTION, r: REPLY_ACTION } as const satisfies Record<string, MessageAction | CaseAction>
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[keyof typeof SHORTCUT_ACTIONS]

/**
 * Transitions offered on a multi-selection (issue 6 §2: batch accept and close); each item's own
 * table accepts or refuses it, and the batch reports which. Button, title and what a done item
 * says come from the message table, whose words the desk uses for both kinds.
 */
const batchAction = <A extends MessageAction>(action: A) => {
  const t = messageMachine.table[action]
  return { action, label: t.label, title: `批量${t.label}`, done: MESSAGE_STATUS_LABELS[t.to] }
}
export const BATCH_ACTIONS = [batchAction(ACCEPT_ACTION), batchAction('close')] as const
export type BatchAction = (typeof BATCH_ACTIONS)[number]['action']
