import type { Role } from '../roles'
import { DESK_ROLES } from '../desk'

/**
 * A citizen's phone number, as staff see it (PIPL: what staff need not see is masked).
 * Every desk view shows it masked (138****5678), whatever the role. The roles below may ask for
 * the full number with 查看完整号码 — those who triage and call citizens back (staff, admin);
 * reviewers read the inbox but never call, so they cannot. Each reveal writes an internal
 * timeline event (who, when), so the bureau can always say who saw a number.
 * An anonymous tip-off has no number to reveal.
 */
export const CONTACT_REVEAL_ROLES: readonly Role[] = DESK_ROLES

/** The internal event one reveal records. */
export const CONTACT_REVEAL_EVENT = 'reveal_contact'
export const CONTACT_REVEAL_LABEL = '查看完整号码'

/** What staff and timelines show for the author of an anonymous tip-off. */
export const ANONYMOUS_AUTHOR = '匿名举报人'
