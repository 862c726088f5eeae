import type { MessageCategory } from '../../domain/message/categories'
import type { CreateMessageBody } from '../../domain/schemas/item'

/**
 * What each category's rules (domain/message/rules.ts) ask for beyond the text, for tests that
 * post messages while testing something else: a complaint needs a phone and the business, a
 * praise names who is praised.
 */
export const MESSAGE_EXTRAS: Record<MessageCategory, Partial<CreateMessageBody>> = {
  complaint: { contactPhone: '13800138000', business: { name: '城关镇某超市' } },
  tipoff: {},
  question: {},
  suggestion: {},
  praise: { praised: '登记窗口工作人员' }
}
export const COMPLAINT_EXTRAS = MESSAGE_EXTRAS.complaint
