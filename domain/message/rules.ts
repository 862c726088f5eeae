import type { MessageCategory } from './categories'
import { MESSAGE_CATEGORY_LABELS } from './categories'
import { isCreditCode } from './credit-code'

/**
 * What each category of message asks for, in ONE table: the form shows the explanation and the
 * fields it marks, the schema and the server refuse what it refuses (messageRuleProblems), and
 * the error messages say what to add. `required`: must be given; `optional`: may be given;
 * `none`: not asked (the form hides it, the server refuses it).
 */
export type FieldRule = 'required' | 'optional' | 'none'

export interface CategoryRule {
  /** One line on the form under the category picker: what this category is for. */
  explanation: string
  contactPhone: FieldRule
  /** The business concerned: its name (and optionally its 统一社会信用代码). */
  business: FieldRule
  /** Who is praised (a person or a unit). */
  praised: FieldRule
  /** A tip-off may be sent without identity: staff then see no name, phone or anything from the WeChat account. */
  mayBeAnonymous: boolean
  /** Shown where the rule applies (beside the field it concerns). */
  hints: Partial<Record<'contactPhone' | 'business' | 'praised' | 'anonymous', string>>
}

export const CATEGORY_RULES: Record<MessageCategory, CategoryRule> = {
  complaint: {
    explanation: '与商家发生消费纠纷，要求调解、维护自身权益',
    contactPhone: 'required',
    business: 'required',
    praised: 'none',
    mayBeAnonymous: false,
    hints: { contactPhone: '投诉需留联系电话，便于工作人员核实和调解', business: '投诉需写明被投诉的商家' }
  },
  tipoff: {
    explanation: '反映商家违法违规线索，不要求为自己调解；可以匿名',
    contactPhone: 'optional',
    business: 'optional',
    praised: 'none',
    mayBeAnonymous: true,
    hints: { anonymous: '匿名后工作人员看不到您的姓名、电话等任何身份信息，仍可凭留言码查询进度' }
  },
  question: { explanation: '询问市场监管方面的政策和办事流程', contactPhone: 'optional', business: 'optional', praised: 'none', mayBeAnonymous: false, hints: {} },
  suggestion: { explanation: '对我们的工作提出意见和建议', contactPhone: 'optional', business: 'optional', praised: 'none', mayBeAnonymous: false, hints: {} },
  praise: {
    explanation: '表扬为您办事的工作人员或单位',
    contactPhone: 'optional',
    business: 'none',
    praised: 'required',
    mayBeAnonymous: false,
    hints: { praised: '请写明表扬谁：工作人员姓名或单位名称' }
  }
}

/** The fields of a new message the rules read (the API body and the form's draft both fit). */
export interface MessageRuleInput {
  category: MessageCategory
  contactPhone?: string
  anonymous?: boolean
  business?: { name: string; creditCode?: string }
  praised?: string
  place?: { address: string; lat?: number; lng?: number }
}

export type RuleField = 'contactPhone' | 'anonymous' | 'businessName' | 'businessCreditCode' | 'praised' | 'place'
export interface RuleProblem {
  field: RuleField
  message: string
}

const blank = (s: string | undefined) => !s || !s.trim()

/** Every rule the input breaks, each with a message that says what to add or take away. */
export function messageRuleProblems(input: MessageRuleInput): RuleProblem[] {
  const rule = CATEGORY_RULES[input.category]
  const label = MESSAGE_CATEGORY_LABELS[input.category]
  const problems: RuleProblem[] = []
  if (input.anonymous) {
    if (!rule.mayBeAnonymous) problems.push({ field: 'anonymous', message: `只有举报可以匿名：${label}请关闭匿名` })
    else if (!blank(input.contactPhone)) problems.push({ field: 'contactPhone', message: '匿名举报不留联系电话：请删除电话，或关闭匿名' })
  }
  if (rule.contactPhone === 'required' && blank(input.contactPhone)) {
    problems.push({ field: 'contactPhone', message: `${label}需要联系电话：请填写手机号，便于工作人员核实和调解` })
  }
  if (rule.business === 'required' && blank(input.business?.name)) {
    problems.push({ field: 'businessName', message: `${label}需要写明涉及的商家：请填写商家名称（如营业执照或店招上的名称）` })
  }
  if (rule.business === 'none' && input.business) problems.push({ field: 'businessName', message: `${label}不需要填写商家，请删除商家信息` })
  const code = input.business?.creditCode
  if (code && !isCreditCode(code)) {
    problems.push({ field: 'businessCreditCode', message: '统一社会信用代码不正确：应为营业执照上的 18 位代码（数字和大写字母），请核对后重填，或留空' })
  }
  if (rule.praised === 'required' && blank(input.praised)) problems.push({ field: 'praised', message: `${label}需要写明表扬对象：请填写工作人员姓名或单位名称` })
  if (rule.praised === 'none' && input.praised !== undefined) problems.push({ field: 'praised', message: `只有表扬需要填写表扬对象，${label}请删除此项` })
  const place = input.place
  if (place && (place.lat === undefined) !== (place.lng === undefined)) {
    problems.push({ field: 'place', message: '地图位置需要同时有纬度和经度：请重新选点，或只填地址' })
  }
  return problems
}
