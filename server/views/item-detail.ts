import type { Item } from '../db/tables/item'
import type { ItemDetail, TimelineEvent } from '../../domain/schemas/item'
import type { Place } from '../../domain/schemas/case'
import type { Role } from '../../domain/roles'
import { allowedItemActions } from '../../domain/item-kinds'
import type { CaseReport } from '../db/tables/case-report'
import type { ItemParts } from '../repositories/items'
import { maskPhone, mayRevealContact } from './mask'
import { ANONYMOUS_AUTHOR } from '../../domain/message/contact'
import { toEvidenceView, type SignMediaUrl } from './media'

export interface Viewer {
  id: string
  /** Sees the bureau's inbox (staff, reviewers, admins), not only their own items. */
  desk: boolean
  /** The viewer's own roles (what they may see, e.g. reveal a number). */
  roles: readonly Role[]
  /** Roles this viewer may act with on this item (see services/items.ts#actingRoles). */
  actingRoles: readonly Role[]
}

export function toPlace(r: Pick<CaseReport, 'place_address' | 'place_lat' | 'place_lng'>): Place | null {
  if (!r.place_address) return null
  return { address: r.place_address, ...(r.place_lat !== null && r.place_lng !== null ? { lat: r.place_lat, lng: r.place_lng } : {}) }
}

/** An item as one viewer may see it: signed photo links, a masked phone for staff. */
export function toItemDetail(item: Item, parts: ItemParts, viewer: Viewer, timeline: TimelineEvent[], sign: SignMediaUrl, due: ItemDetail['due'] = null): ItemDetail {
  const { message, report } = parts
  const own = item.author_id === viewer.id
  // An anonymous tip-off shows staff no identity (its timeline went through hideAnonymousAuthor).
  const hidden = Boolean(message?.anonymous) && !own
  return {
    id: item.id,
    kind: item.kind,
    status: item.status as ItemDetail['status'],
    version: item.version,
    // Who inside the bureau holds it is the desk's business, not the author's.
    ...(viewer.desk ? { priority: item.priority, topics: item.topics, assignee: parts.assignee, departmentId: item.department_id } : {}),
    category: message?.category ?? null,
    title: report?.title ?? null,
    body: message?.body ?? report?.body ?? '',
    occurredAt: report?.occurred_at.toISOString() ?? null,
    place: report ? toPlace(report) : message ? toPlace(message) : null,
    departmentName: parts.departmentName,
    photos: parts.photos.map((m) => toEvidenceView(m, sign)),
    trackingCode: message?.tracking_code ?? null,
    // Staff need to recognise a caller, not copy the number; the author sees their own.
    contactPhone: message?.contact_phone ? (viewer.desk && !own ? maskPhone(message.contact_phone) : message.contact_phone) : null,
    ...(viewer.desk && message ? { contactRevealable: !own && mayRevealContact(viewer.roles, message) } : {}),
    ...(message
      ? {
          anonymous: message.anonymous,
          business: message.business_name ? { name: message.business_name, creditCode: message.business_credit_code } : null,
          praised: message.praised
        }
      : {}),
    authorName: hidden ? ANONYMOUS_AUTHOR : parts.authorName,
    createdAt: item.created_at.toISOString(),
    acceptedAt: item.accepted_at?.toISOString() ?? null,
    firstReplyAt: item.first_reply_at?.toISOString() ?? null,
    closedAt: item.closed_at?.toISOString() ?? null,
    lastActivityAt: item.last_activity_at.toISOString(),
    // How long is left, in working days: the desk's business (the author is not shown deadlines).
    due: viewer.desk ? due : null,
    allowedActions: allowedItemActions(item.kind, item.status, viewer.actingRoles),
    timeline
  }
}
