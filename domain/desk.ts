import type { Role } from './roles'

/**
 * Who works the shared desk, defined once: every transition table, route and page reads these.
 * Triage (accept, assign, reply, close…) is for staff and admins; reviewers read the inbox but
 * do not change items; internal notes are written by those who triage.
 */
export const DESK_ROLES: readonly Role[] = ['staff', 'admin']
/** Everyone who may open the inbox and an item's full (internal) detail. */
export const INBOX_ROLES: readonly Role[] = [...DESK_ROLES, 'reviewer']
export const NOTE_ROLES: readonly Role[] = DESK_ROLES
