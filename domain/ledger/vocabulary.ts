/**
 * The words of the publication ledger (发表台账), each list written once: schemas, tables, the
 * app's pickers and the export all read these.
 */

/**
 * An outlet's level. The four media levels, the higher authority's internal information bulletins
 * (e.g. the city bureau's 信息专报, where 政务信息 items are adopted), and the bureau's own
 * government new-media accounts (政务新媒体).
 */
export const OUTLET_LEVELS = ['central', 'provincial', 'city', 'county', 'bulletin', 'own_media'] as const
export type OutletLevel = (typeof OUTLET_LEVELS)[number]
export const OUTLET_LEVEL_LABELS: Record<OutletLevel, string> = {
  central: '中央媒体',
  provincial: '省级媒体',
  city: '市级媒体',
  county: '县级媒体',
  bulletin: '上级信息刊物',
  own_media: '本局政务新媒体'
}

export const CHANNELS = ['newspaper', 'tv', 'radio', 'website', 'wechat', 'weibo', 'douyin'] as const
export type Channel = (typeof CHANNELS)[number]
export const CHANNEL_LABELS: Record<Channel, string> = {
  newspaper: '报纸',
  tv: '电视',
  radio: '广播',
  website: '网站',
  wechat: '微信',
  weibo: '微博',
  douyin: '抖音'
}

export const PLACEMENTS = ['front_headline', 'front_page', 'key_news', 'general'] as const
export type Placement = (typeof PLACEMENTS)[number]
export const PLACEMENT_LABELS: Record<Placement, string> = {
  front_headline: '头版头条',
  front_page: '头版',
  key_news: '要闻',
  general: '一般'
}

/** What a published piece is: the draft's type (新闻稿件 / 政务信息 / 调研文章), one list for drafts and ledger. */
export { DRAFT_TYPES as LEDGER_TYPES, DRAFT_TYPE_LABELS as LEDGER_TYPE_LABELS, type DraftType as LedgerType } from '../draft/types'
import type { DraftType as LedgerTypeOf } from '../draft/types'

/** Points taken off a piece: a retraction or a correction notice after publication, an error the higher authority reported. */
export const DEDUCTIONS = ['retracted', 'correction', 'error_reported'] as const
export type Deduction = (typeof DEDUCTIONS)[number]
export const DEDUCTION_LABELS: Record<Deduction, string> = {
  retracted: '撤稿',
  correction: '刊发更正',
  error_reported: '被通报差错'
}

/** Bonuses for information items: a leader's written comment (领导批示), adoption upward (被采用). */
export const BONUSES = ['leaderComment', 'adopted'] as const
export type Bonus = (typeof BONUSES)[number]
export const BONUS_LABELS: Record<Bonus, string> = {
  leaderComment: '领导批示',
  adopted: '被上级采用'
}
/** The piece types the form asks about bonuses for (the rules would add them to any type). */
export const BONUS_TYPES: readonly LedgerTypeOf[] = ['information']
