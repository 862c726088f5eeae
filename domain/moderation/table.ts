import { ForbiddenError, ConflictError, type DomainError } from '../errors'
import type { Role } from '../roles'

/**
 * A moderation machine: one explicit table of who may move a piece of content from where to
 * where. Smaller than the items' machines (no inputs, stamps or guards): content is checked by
 * the system, then a person may approve or refuse what the check held.
 */
export interface ModerationTransition<S extends string> {
  from: readonly S[]
  to: S
  /** Roles that may take it; empty: only the system (the content check, a job). */
  by: readonly Role[]
  /** Chinese label: buttons, logs. */
  label: string
}

export interface ModerationMachine<S extends string, A extends string> {
  states: readonly S[]
  labels: Readonly<Record<S, string>>
  table: Readonly<Record<A, ModerationTransition<S>>>
  /** The next state, or the error to refuse with (an action the state does not allow: 409; a role: 403). */
  check(state: S, action: A, roles: readonly Role[] | 'system'): { to: S } | { error: DomainError }
}

export function defineModeration<S extends string, A extends string>(def: Omit<ModerationMachine<S, A>, 'check'>): ModerationMachine<S, A> {
  return {
    ...def,
    check(state, action, roles) {
      const t = def.table[action]
      if (!t.from.includes(state)) return { error: new ConflictError(`内容当前「${def.labels[state]}」，不能${t.label}`, { moderation: state }, 'moderation_conflict') }
      if (roles !== 'system' && !roles.some((r) => t.by.includes(r))) return { error: new ForbiddenError(`您没有权限${t.label}`) }
      return { to: t.to }
    }
  }
}
