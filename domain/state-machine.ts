import { ConflictError, ForbiddenError, InvalidError, type DomainError } from './errors'

/**
 * A state machine written as one explicit transition table. Server, app and tests all read the
 * same table, so everything about a transition lives in exactly one place: where it may start,
 * where it goes, who may take it, what input it needs, which milestone it stamps, whether the
 * item's author sees it, and any guard that reads more context.
 */

/** Coarse bucket for counting, as chatwoot does: open (ours to act), waiting (on someone else), closed. */
export type StatusBucket = 'open' | 'waiting' | 'closed'
export const STATUS_BUCKETS: readonly StatusBucket[] = ['open', 'waiting', 'closed']

/** Item columns that record when something first happened (SLA measures read them). */
export type Milestone = 'accepted_at' | 'first_reply_at' | 'closed_at'
export const MILESTONES: readonly Milestone[] = ['accepted_at', 'first_reply_at', 'closed_at']

/** Inputs an action may take besides its name. */
export type ActionInputField = 'reason' | 'note' | 'body' | 'transferredTo' | 'into'
export const ACTION_INPUT_FIELDS: readonly ActionInputField[] = ['reason', 'note', 'body', 'transferredTo', 'into']
export type ActionInputs = Partial<Record<ActionInputField, string>>

export interface InputRule {
  required: boolean
  /** The field's Chinese name, quoted in errors and shown as the form's label. */
  label: string
  /** Longest accepted text, in characters (code points). */
  max?: number
  /** A closed set of values (reject reasons). */
  choices?: readonly string[]
  /** What to say when a required input is missing, if the generic sentence is not enough. */
  missing?: string
  /** Only accepted together with another field's value (a transfer only with "out of jurisdiction"). */
  onlyWith?: { field: ActionInputField; value: string }
}

/** What a guard may read: who acts, the item's status and who did what to it before. */
export interface GuardContext<S extends string> {
  actorId: string
  status: S
  inputs: ActionInputs
  /** The item's earlier events, oldest first (`from`: the status it was taken from, where the table needs it). */
  history: readonly { action: string; actorId: string | null; from?: string | null }[]
  /** The item acted on (a merge may not name it as its own target). */
  itemId?: string
  /**
   * The other item an action names (merge: `into`), as the service found it in the actor's own
   * bureau: null when there is none there, absent when the action names none.
   */
  other?: { id: string; kind: string; status: string; bucket: StatusBucket } | null
  /**
   * A draft under review (domain/draft): who wrote it (its author and credited people), who is
   * configured to sign the stage it is at, and how many pre-publication flags are still open.
   */
  review?: { authorIds: readonly string[]; stageReviewers: readonly string[]; openFlags: number }
}
/** Returns the error to refuse with, or null to let the transition through. */
export type Guard<S extends string> = (ctx: GuardContext<S>) => DomainError | null

export interface Transition<S extends string, R extends string, M extends string = Milestone> {
  from: readonly S[]
  to: S
  /** Roles that may perform the action. */
  by: readonly R[]
  /** Chinese label shown on buttons and in timelines. */
  label: string
  /** Inputs the action takes; any other input is refused. */
  inputs?: Partial<Record<ActionInputField, InputRule>>
  /** Milestones set to now when still empty (the first time it happened counts). */
  stamps?: readonly M[]
  /** Milestones emptied again (a reopened message is no longer closed). */
  clears?: readonly M[]
  /** Whether the item's author (citizen, officer) sees the event in their timeline. */
  public: boolean
  /**
   * Taken elsewhere than through the item's action buttons: `drafts` (using a case in a draft,
   * publishing it), `duplicates` (merging, from the list of likely duplicates), `ledger`
   * (publishing a draft: recorded in the publication ledger).
   */
  via?: 'drafts' | 'duplicates' | 'ledger'
  /** Method syntax on purpose: a table of one kind still fits where any kind's is expected. */
  guard?(ctx: GuardContext<S>): DomainError | null
}

export type TransitionTable<S extends string, A extends string, R extends string, M extends string = Milestone> = Readonly<Record<A, Transition<S, R, M>>>

/** `M`: the columns its transitions stamp (an item's milestones unless the kind has its own, as drafts do). */
export interface MachineDefinition<S extends string, A extends string, R extends string, M extends string = Milestone> {
  /** What the kind of item is called in messages: 留言, 事例. */
  noun: string
  statuses: readonly S[]
  statusLabels: Readonly<Record<S, string>>
  buckets: Readonly<Record<S, StatusBucket>>
  /** Where every item starts, and the timeline event that records its creation. */
  initial: { status: S; event: string; label: string; public: boolean }
  table: TransitionTable<S, A, R, M>
}

export interface Machine<S extends string, A extends string, R extends string, M extends string = Milestone> extends MachineDefinition<S, A, R, M> {
  actions: readonly A[]
  /** The next status, or null when the table does not allow the action from `status`. */
  next(status: S, action: A): S | null
  /** Actions the table allows from `status`, optionally only those open to one of `roles`. */
  allowed(status: S, roles?: readonly R[]): A[]
  isAction(action: string): action is A
  /** The first input the action requires (the form the app must show for it), or null. */
  requiredInput(action: A): ActionInputField | null
  /** Done with one tap on the item's page: nothing to fill in, not taken through another module. */
  isOneTap(action: A): boolean
  isStatus(status: string): status is S
  /**
   * Everything the table says about taking `action` now, in the order a person needs to hear it:
   * an action the kind does not have or the status does not allow (409), a role that may not (403),
   * missing or wrong input (400), then the guard. Returns the next status or the error.
   */
  check(req: { status: S; action: string; roles: readonly R[]; inputs: ActionInputs; context?: Omit<GuardContext<S>, 'status' | 'inputs'> }): { to: S } | { error: DomainError }
}

const charCount = (s: string) => Array.from(s).length

function checkInputs(label: string, rules: Partial<Record<ActionInputField, InputRule>>, inputs: ActionInputs): DomainError | null {
  for (const [field, value] of Object.entries(inputs) as [ActionInputField, string | undefined][]) {
    if (value === undefined) continue
    const rule = rules[field]
    if (!rule) return new InvalidError(`「${label}」不需要填写 ${field}，请删除后重试`, field)
    if (rule.choices && !rule.choices.includes(value)) return new InvalidError(`${rule.label}的取值不正确，可选：${rule.choices.join(' / ')}`, field)
    if (rule.max !== undefined && charCount(value) > rule.max) return new InvalidError(`${rule.label}不能超过 ${rule.max} 个字，当前 ${charCount(value)} 个字`, field)
    if (rule.onlyWith && inputs[rule.onlyWith.field] !== rule.onlyWith.value) {
      const other = rules[rule.onlyWith.field]?.label ?? rule.onlyWith.field
      return new InvalidError(`只有${other}为「${rule.onlyWith.value}」时才能填写${rule.label}`, field)
    }
  }
  for (const [field, rule] of Object.entries(rules) as [ActionInputField, InputRule][]) {
    const value = inputs[field]
    if (rule.required && (value === undefined || value.trim() === '')) return new InvalidError(rule.missing ?? `「${label}」时请${rule.choices ? '选择' : '填写'}${rule.label}（${field}）`, field)
  }
  return null
}

export function defineMachine<S extends string, A extends string, R extends string, M extends string = Milestone>(def: MachineDefinition<S, A, R, M>): Machine<S, A, R, M> {
  const { table, statusLabels, noun } = def
  const actions = Object.keys(table) as A[]
  const isAction = (a: string): a is A => Object.prototype.hasOwnProperty.call(table, a)
  const next = (status: S, action: A): S | null => {
    const t = isAction(action) ? table[action] : undefined
    return t && t.from.includes(status) ? t.to : null
  }
  return {
    ...def,
    actions,
    next,
    allowed(status, roles) {
      return actions.filter((a) => {
        const t = table[a]
        return t.from.includes(status) && (!roles || t.by.some((r) => roles.includes(r)))
      })
    },
    isAction,
    requiredInput(action) {
      const rules = table[action]?.inputs ?? {}
      return (Object.keys(rules) as ActionInputField[]).find((f) => rules[f]!.required) ?? null
    },
    isOneTap(action) {
      const rules = table[action]?.inputs ?? {}
      return !table[action]?.via && !Object.values(rules).some((r) => r!.required)
    },
    isStatus: (s: string): s is S => (def.statuses as readonly string[]).includes(s),
    check({ status, action, roles, inputs, context }) {
      if (!isAction(action)) return { error: new ConflictError(`${noun}没有「${action}」这个操作`, { status, action }) }
      const t = table[action]
      const to = next(status, action)
      if (!to) return { error: new ConflictError(`当前状态为「${statusLabels[status]}」，不能执行「${t.label}」`, { status, action }, 'conflict') }
      if (!t.by.some((r) => roles.includes(r))) return { error: new ForbiddenError(`您没有权限执行「${t.label}」`) }
      const invalid = checkInputs(t.label, t.inputs ?? {}, inputs)
      if (invalid) return { error: invalid }
      const refused = t.guard?.({ ...context, actorId: context?.actorId ?? '', history: context?.history ?? [], status, inputs })
      if (refused) return { error: refused }
      return { to }
    }
  }
}
