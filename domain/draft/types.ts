/** The kinds of piece the bureau writes, each counted against its own yearly target. */
export const DRAFT_TYPES = ['news', 'information', 'research'] as const
export type DraftType = (typeof DRAFT_TYPES)[number]

export const DRAFT_TYPE_LABELS: Record<DraftType, string> = {
  news: '新闻稿件',
  information: '政务信息',
  research: '调研文章'
}

export const isDraftType = (t: string): t is DraftType => (DRAFT_TYPES as readonly string[]).includes(t)

/** A notification's subject_type for a draft (the bell opens the draft's page). */
export const DRAFT_SUBJECT = 'draft'
