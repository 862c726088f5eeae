/** Message categories: English keys in data and API, Chinese labels for people. */
export const MESSAGE_CATEGORIES = ['complaint', 'tipoff', 'question', 'suggestion', 'praise'] as const
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number]

export const MESSAGE_CATEGORY_LABELS: Record<MessageCategory, string> = {
  complaint: '投诉',
  tipoff: '举报',
  question: '咨询',
  suggestion: '建议',
  praise: '表扬'
}
