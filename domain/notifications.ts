export const NOTIFICATION_KINDS = ['assigned', 'mentioned', 'due_soon', 'overdue', 'merged_in'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assigned: '分派给我',
  mentioned: '提到我',
  due_soon: '即将到期',
  overdue: '已超期',
  merged_in: '合并到我经办的'
}
