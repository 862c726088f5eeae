import { CASE_STATUSES, CASE_STATUS_LABELS, MESSAGE_STATUSES, MESSAGE_STATUS_LABELS, type InboxItem } from '@/domain'

/** 全部 / 群众留言 / 典型事例. */
export type KindFilter = InboxItem['kind'] | 'all'
export const KIND_FILTERS: readonly { kind: KindFilter; label: string }[] = [
  { kind: 'all', label: '全部' },
  { kind: 'message', label: '群众留言' },
  { kind: 'case', label: '典型事例' }
]

export type StatusFilter = string | 'all'

/**
 * The status chips a kind offers. With both kinds shown, the message statuses (the ones with
 * deadlines to watch); `new` and `accepted` then match cases in those states as well.
 */
export function statusFilters(kind: KindFilter): readonly { status: StatusFilter; label: string }[] {
  const statuses =
    kind === 'case'
      ? CASE_STATUSES.map((s) => ({ status: s, label: CASE_STATUS_LABELS[s] }))
      : MESSAGE_STATUSES.map((s) => ({ status: s, label: MESSAGE_STATUS_LABELS[s] }))
  return [{ status: 'all', label: '全部' }, ...statuses]
}

export const emptyText = (kind: KindFilter) => (kind === 'case' ? '暂无典型事例' : kind === 'message' ? '暂无留言' : '暂无留言或事例')
