/**
 * A state machine written as one explicit transition table. Server, app and tests
 * all read the same table, so a transition exists in exactly one place.
 */
export interface Transition<S extends string, R extends string> {
  from: readonly S[]
  to: S
  /** Roles that may perform the action. */
  by: readonly R[]
  /** Chinese label shown on buttons and in timelines. */
  label: string
}

export type TransitionTable<S extends string, A extends string, R extends string> = Readonly<
  Record<A, Transition<S, R>>
>

export interface Machine<S extends string, A extends string, R extends string> {
  statuses: readonly S[]
  actions: readonly A[]
  table: TransitionTable<S, A, R>
  /** The next status, or null when the table does not allow the action from `status`. */
  next(status: S, action: A): S | null
  /** Actions the table allows from `status`, optionally only those open to one of `roles`. */
  allowed(status: S, roles?: readonly R[]): A[]
}

export function defineMachine<S extends string, A extends string, R extends string>(
  statuses: readonly S[],
  table: TransitionTable<S, A, R>
): Machine<S, A, R> {
  const actions = Object.keys(table) as A[]
  return {
    statuses,
    actions,
    table,
    next(status, action) {
      const t = table[action]
      return t && t.from.includes(status) ? t.to : null
    },
    allowed(status, roles) {
      return actions.filter((a) => {
        const t = table[a]
        return t.from.includes(status) && (!roles || t.by.some((r) => roles.includes(r)))
      })
    }
  }
}
