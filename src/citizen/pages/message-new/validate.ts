import { MESSAGE_BODY_MAX, PHONE_PATTERN, type MessageCategory } from '@/domain'
import { charCount } from '@/components/char-count'

export interface MessageDraft {
  category: MessageCategory | null
  body: string
  contactPhone: string
}

export type DraftErrors = Partial<Record<keyof MessageDraft, string>>

/** Same rule as the server's CreateMessageBody: an 11-digit mainland mobile number. */
export const MOBILE_PATTERN = new RegExp(PHONE_PATTERN)

/** The form's own checks, so a bad draft never leaves the phone. Empty object: fine. */
export function validateDraft(d: MessageDraft): DraftErrors {
  const errors: DraftErrors = {}
  if (!d.category) errors.category = '请选择留言类别'
  const body = d.body.trim()
  if (!body) errors.body = '请填写留言内容'
  else if (charCount(body) > MESSAGE_BODY_MAX) errors.body = `留言内容不能超过 ${MESSAGE_BODY_MAX} 字`
  const phone = d.contactPhone.trim()
  if (phone && !MOBILE_PATTERN.test(phone)) errors.contactPhone = '请输入正确的 11 位手机号'
  return errors
}
