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
