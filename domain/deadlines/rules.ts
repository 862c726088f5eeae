import type { MessageCategory } from '../message/categories'

export const CLOCK_STARTS = ['created', 'accepted'] as const
/** When a deadline's clock starts: on receipt, or when the item is accepted. */
export type ClockStart = (typeof CLOCK_STARTS)[number]

export const CLOCK_START_LABELS: Record<ClockStart, string> = { created: '收到之日起', accepted: '受理之日起' }

/** `*` is every category of the kind (cases have none). */
export type RuleCategory = MessageCategory | '*'

export interface DeadlineRuleKey {
  kind: 'message' | 'case'
  category: RuleCategory
  clockStart: ClockStart
}

export interface DefaultDeadlineRule extends DeadlineRuleKey {
  workingDays: number
  /** What must happen by the deadline, for people. */
  purpose: string
  /** Where the figure comes from (shown to admins and in the README). */
  basis: string
}

/**
 * Defaults, each with its source (README, "Deadlines"). A 'created' rule runs until the item is
 * answered or closed unless an 'accepted' rule for the same category takes over on acceptance
 * (a complaint: decide acceptance in 7, then mediate within 45 of acceptance).
 */
export const DEFAULT_DEADLINE_RULES: readonly DefaultDeadlineRule[] = [
  {
    kind: 'message',
    category: 'complaint',
    clockStart: 'created',
    workingDays: 7,
    purpose: '作出受理或者不予受理的决定',
    basis: '《市场监督管理投诉举报处理暂行办法》（总局令第20号）第十四条：自收到投诉之日起七个工作日内'
  },
  {
    kind: 'message',
    category: 'complaint',
    clockStart: 'accepted',
    workingDays: 45,
    purpose: '调解完毕（未达成协议的终止调解）',
    basis: '总局令第20号第二十一条：自投诉受理之日起四十五个工作日内未能达成调解协议的，终止调解'
  },
  {
    kind: 'message',
    category: 'tipoff',
    clockStart: 'created',
    workingDays: 15,
    purpose: '核查并决定是否立案',
    basis: '总局令第20号按行政处罚程序处理举报；《市场监督管理行政处罚程序规定》第十八条：收到材料之日起十五个工作日内核查，决定是否立案'
  },
  {
    kind: 'message',
    category: 'question',
    clockStart: 'created',
    workingDays: 3,
    purpose: '答复咨询',
    basis: '无部门规章规定：沿用 12345 热线咨询类诉求常见的 3 个工作日办理时限，可由管理员调整'
  }
]

export const ruleKeyString = (k: DeadlineRuleKey) => `${k.kind}:${k.category}:${k.clockStart}`
