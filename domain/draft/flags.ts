/** What the pre-publication scan (发布前检查) looks for. */
export const DRAFT_FLAG_KINDS = ['personal_data', 'expression', 'figure'] as const
export type DraftFlagKind = (typeof DRAFT_FLAG_KINDS)[number]

export const DRAFT_FLAG_KIND_LABELS: Record<DraftFlagKind, string> = {
  personal_data: '个人信息',
  expression: '规范表述',
  figure: '数字核对'
}
