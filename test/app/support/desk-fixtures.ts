import type { ItemDetail } from '@/domain'
import type { DeskInboxItem } from '@/services/desk-api'

/** A desk list row as GET /api/inbox answers it: a new complaint, unassigned; tests override what they look at. */
export const deskRow = (extra: Partial<DeskInboxItem> = {}): DeskInboxItem => ({
  id: 'a0000000-0000-4000-8000-000000000001',
  kind: 'message',
  status: 'new',
  category: 'complaint',
  title: null,
  excerpt: '东关夜市烧烤摊占道经营',
  authorName: '张三',
  thumbUrls: [],
  photoCount: 0,
  createdAt: '2026-11-25T02:00:00.000Z',
  lastActivityAt: '2026-11-25T02:00:00.000Z',
  bucket: 'open',
  departmentId: null,
  departmentName: null,
  assigneeId: null,
  assigneeName: null,
  priority: 0,
  topics: [],
  dueAt: null,
  match: null,
  version: 1,
  ...extra
})

/** GET /api/items/:id for `row`: the full text, no photos, the table's actions for its status; tests override what they look at. */
export const deskDetail = (row: DeskInboxItem = deskRow(), extra: Partial<ItemDetail> = {}): ItemDetail => ({
  id: row.id,
  kind: row.kind,
  status: row.status as ItemDetail['status'],
  category: row.category,
  title: row.title,
  body: `${row.excerpt}（全文）`,
  occurredAt: null,
  place: null,
  departmentName: null,
  photos: [],
  trackingCode: 'ABCD2345',
  contactPhone: null,
  authorName: row.authorName,
  createdAt: row.createdAt,
  acceptedAt: null,
  firstReplyAt: null,
  closedAt: null,
  lastActivityAt: row.lastActivityAt,
  allowedActions: row.status === 'new' ? ['accept', 'reject'] : [],
  timeline: [{ id: 'e1', action: 'create', fromStatus: null, toStatus: 'new', actorName: '张三', body: null, reason: null, at: row.createdAt }],
  ...extra
})
