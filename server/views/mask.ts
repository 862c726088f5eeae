import type { Role } from '../../domain/roles'
import type { Message } from '../db/tables/message'
import { hasAnyRole } from '../../domain/roles'
import { ANONYMOUS_AUTHOR, CONTACT_REVEAL_ROLES } from '../../domain/message/contact'
import type { TimelineRow } from '../repositories/events'

/** 13812345678 → 138****5678: enough for staff to recognise a caller, not to copy the number. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4) : '*'.repeat(phone.length)
}

/** Whether these roles may ask for a message's full number: there is one, and CONTACT_REVEAL_ROLES holds one of them. */
export function mayRevealContact(roles: readonly Role[], message: Pick<Message, 'contact_phone' | 'anonymous'>): boolean {
  return Boolean(message.contact_phone) && !message.anonymous && hasAnyRole(roles, CONTACT_REVEAL_ROLES)
}

/** An anonymous message's timeline for anyone but its author: the author's own events are unnamed. */
export function hideAnonymousAuthor<R extends Pick<TimelineRow, 'actor_id' | 'actor_name'>>(rows: readonly R[], authorId: string): R[] {
  return rows.map((r) => (r.actor_id === authorId ? { ...r, actor_name: ANONYMOUS_AUTHOR } : r))
}
