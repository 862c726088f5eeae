export const NOTIFICATION_KINDS = ['assigned', 'mentioned', 'due_soon', 'overdue', 'merged_in', 'target_shortfall', 'review_requested', 'draft_returned', 'draft_approved'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assigned: '分派给我',
  mentioned: '提到我',
  due_soon: '即将到期',
  overdue: '已超期',
  merged_in: '合并到我经办的',
  target_shortfall: '目标进度落后',
  review_requested: '待我审核',
  draft_returned: '稿件被退回',
  draft_approved: '稿件已审定'
}
