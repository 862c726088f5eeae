import {
  CATEGORY_RULES,
  LIMITS,
  MESSAGE_BODY_MAX,
  PHONE_PATTERN,
  messageRuleProblems,
  type CreateMessageBody,
  type MessageCategory,
  type RuleField
} from '@/domain'
import { charCount } from '@/components/char-count'

export interface MessageDraft {
  category: MessageCategory | null
  body: string
  contactPhone: string
  /** Tip-offs only (CATEGORY_RULES.mayBeAnonymous). */
  anonymous: boolean
  businessName: string
  businessCreditCode: string
  praised: string
  address: string
  lat?: number
  lng?: number
  publicConsent: boolean
}

export const EMPTY_DRAFT: MessageDraft = {
  category: null,
  body: '',
  contactPhone: '',
  anonymous: false,
  businessName: '',
  businessCreditCode: '',
  praised: '',
  address: '',
  publicConsent: false
}

export type DraftField = keyof MessageDraft | 'photos'
export type DraftErrors = Partial<Record<DraftField, string>>

/** Same rule as the server's CreateMessageBody: an 11-digit mainland mobile number. */
export const MOBILE_PATTERN = new RegExp(PHONE_PATTERN)

/**
 * The request a draft makes: only what its category asks for (switching 投诉 → 表扬 does not
 * send the business typed before), trimmed, blanks left out. The form's rule check reads this
 * same object, so what the form accepts is what the server is sent.
 */
export function draftToBody(d: MessageDraft & { category: MessageCategory }, mediaIds: string[] = []): CreateMessageBody {
  const rule = CATEGORY_RULES[d.category]
  const anonymous = rule.mayBeAnonymous && d.anonymous
  const phone = d.contactPhone.trim()
  const name = d.businessName.trim()
  const code = d.businessCreditCode.trim()
  const praised = d.praised.trim()
  const address = d.address.trim()
  return {
    category: d.category,
    body: d.body.trim(),
    ...(anonymous ? { anonymous: true } : phone ? { contactPhone: phone } : {}),
    ...(rule.business !== 'none' && name ? { business: { name, ...(code ? { creditCode: code } : {}) } } : {}),
    ...(rule.praised !== 'none' && praised ? { praised } : {}),
    ...(address ? { place: { address, ...(d.lat !== undefined && d.lng !== undefined ? { lat: d.lat, lng: d.lng } : {}) } } : {}),
    ...(mediaIds.length ? { mediaIds } : {}),
    ...(d.publicConsent ? { publicConsent: true } : {})
  }
}

/** Where the form shows each of the rules' problems. */
const FIELD_OF: Record<RuleField, DraftField> = {
  contactPhone: 'contactPhone',
  anonymous: 'anonymous',
  businessName: 'businessName',
  businessCreditCode: 'businessCreditCode',
  praised: 'praised',
  place: 'address'
}

const tooLong = (s: string, max: number) => charCount(s.trim()) > max

/** The form's own checks, so a bad draft never leaves the phone. Empty object: fine. */
export function validateDraft(d: MessageDraft): DraftErrors {
  const errors: DraftErrors = {}
  if (!d.category) errors.category = '请选择留言类别'
  const body = d.body.trim()
  if (!body) errors.body = '请填写留言内容'
  else if (charCount(body) > MESSAGE_BODY_MAX) errors.body = `留言内容不能超过 ${MESSAGE_BODY_MAX} 字`
  const phone = d.contactPhone.trim()
  const anonymous = d.category !== null && CATEGORY_RULES[d.category].mayBeAnonymous && d.anonymous
  if (phone && !anonymous && !MOBILE_PATTERN.test(phone)) errors.contactPhone = '请输入正确的 11 位手机号'
  if (tooLong(d.businessName, LIMITS.businessName)) errors.businessName = `商家名称不能超过 ${LIMITS.businessName} 字`
  if (tooLong(d.praised, LIMITS.praised)) errors.praised = `表扬对象不能超过 ${LIMITS.praised} 字`
  if (tooLong(d.address, LIMITS.placeAddress)) errors.address = `地点不能超过 ${LIMITS.placeAddress} 字`
  if (!d.category) return errors
  for (const p of messageRuleProblems(draftToBody({ ...d, category: d.category }))) {
    const field = FIELD_OF[p.field]
    errors[field] ??= p.message
  }
  return errors
}
