import { STATUS_BUCKETS, type StatusBucket } from './state-machine'
import { ITEM_MACHINES, type ItemKind } from './item-kinds'
// Types only: this module stays free of the schema library (the app imports it at runtime).
import type { InboxViewQuery } from './schemas/inbox'

export type ItemKindName = ItemKind
export { STATUS_BUCKETS }

/** Each kind's buckets come from its transition table. */
const BUCKETS: Record<ItemKindName, Readonly<Record<string, StatusBucket>>> = { message: ITEM_MACHINES.message.buckets, case: ITEM_MACHINES.case.buckets }

export const STATUS_BUCKET_LABELS: Record<StatusBucket, string> = { open: '待处理', waiting: '等待对方', closed: '已结束' }

export function bucketOf(kind: ItemKindName, status: string): StatusBucket {
  return BUCKETS[kind][status] ?? 'open'
}

/** Per kind, the statuses in a bucket: the inbox's SQL filter is built from this. */
export function statusesInBucket(bucket: StatusBucket): Record<ItemKindName, string[]> {
  const of = (kind: ItemKindName) => Object.keys(BUCKETS[kind]).filter((s) => BUCKETS[kind][s] === bucket)
  return { message: of('message'), case: of('case') }
}

export const INBOX_SORTS = ['newest', 'oldest_waiting', 'due_soonest', 'priority'] as const
export type InboxSort = (typeof INBOX_SORTS)[number]
export const INBOX_SORT_LABELS: Record<InboxSort, string> = {
  newest: '最新',
  oldest_waiting: '等待最久',
  due_soonest: '最先到期',
  priority: '优先级高、等待久的在前'
}

export const BUILTIN_VIEW_KEYS = ['mine', 'unassigned', 'due_soon', 'overdue', 'open'] as const
export type BuiltinViewKey = (typeof BUILTIN_VIEW_KEYS)[number]

export interface BuiltinView {
  id: BuiltinViewKey
  label: string
  query: InboxViewQuery
}

/** The views every desk has, in sidebar order. Overdue and due-soon items are open ones by definition. */
export const BUILTIN_VIEWS: readonly BuiltinView[] = [
  { id: 'mine', label: '我的待办', query: { assignee: 'me', bucket: 'open', sort: 'due_soonest' } },
  { id: 'unassigned', label: '未分派', query: { assignee: 'unassigned', bucket: 'open', sort: 'oldest_waiting' } },
  { id: 'due_soon', label: '即将超期', query: { dueSoon: true, sort: 'due_soonest' } },
  { id: 'overdue', label: '已超期', query: { overdue: true, sort: 'due_soonest' } },
  { id: 'open', label: '全部待处理', query: { bucket: 'open', sort: 'newest' } }
]

export const isBuiltinViewKey = (v: string): v is BuiltinViewKey => (BUILTIN_VIEW_KEYS as readonly string[]).includes(v)
