import type { DraftContent } from './content'
import { blockText } from './content'
import type { DraftFlagKind } from './flags'
import type { EditorialExpressionRule } from './expressions'
import { PLACEHOLDER_PATTERN } from './skeleton'

/** One finding of the pre-publication scan (发布前检查), on one block of the draft. */
export interface ScanFlag {
  kind: DraftFlagKind
  /** The block it was found in (a comment's anchor too). */
  anchor: string | null
  /** What was found, as found. */
  excerpt: string
  message: string
  suggestion: string | null
}

/** Finds personal data in a text (ID-card numbers, phones, plates, names): domain/privacy's detectors. */
export type PersonalDataDetector = (text: string) => readonly { excerpt: string; message: string }[]

/**
 * Figures: a number with the unit it counts (amounts, people, households, cases, weights,
 * areas, percentages). Dates and times (年月日时分) are not figures to check: the case's date is
 * laid out by the template in its own words.
 */
const FIGURE = /(\d+(?:[.,]\d+)*)\s*(万亿|亿|万|千)?\s*(元|人次|人|户|家|起|件|宗|次|吨|公斤|千克|斤|米|公里|千米|平方米|亩|辆|个|名|条|份|处|台|只|头|箱|袋|瓶|%|％)/gu

/** The figures a text states, normalised (1,200 元 → 1200元; ％ → %). */
export function figuresIn(text: string): { raw: string; key: string }[] {
  const out: { raw: string; key: string }[] = []
  for (const m of text.replace(PLACEHOLDER_PATTERN, '').matchAll(FIGURE)) {
    const num = m[1]!.replace(/,/g, '')
    out.push({ raw: m[0], key: `${Number(num)}${m[2] ?? ''}${m[3] === '％' ? '%' : m[3]}` })
  }
  return out
}

export interface ScanInput {
  content: DraftContent
  title: string
  /** The source cases' text (title and body): figures in the draft must appear there. */
  sourceTexts: readonly string[]
  expressions: readonly EditorialExpressionRule[]
  personalData?: PersonalDataDetector
}

/**
 * Everything a reviewer must resolve (edit away) or acknowledge before 终审: personal data,
 * banned or error-prone expressions, and figures that the source cases do not state. One flag
 * per distinct finding per block, in reading order.
 */
export function scanDraft(input: ScanInput): ScanFlag[] {
  const flags: ScanFlag[] = []
  const seen = new Set<string>()
  const add = (f: ScanFlag) => {
    const key = `${f.kind}|${f.anchor}|${f.excerpt}`
    if (seen.has(key)) return
    seen.add(key)
    flags.push(f)
  }
  const sourceFigures = new Set(input.sourceTexts.flatMap((t) => figuresIn(t).map((f) => f.key)))
  const texts: { anchor: string | null; text: string }[] = [{ anchor: null, text: input.title }, ...input.content.blocks.map((b) => ({ anchor: b.id, text: blockText(b) }))]
  for (const { anchor, text } of texts) {
    for (const p of input.personalData?.(text) ?? []) add({ kind: 'personal_data', anchor, excerpt: p.excerpt, message: p.message, suggestion: null })
    for (const e of input.expressions) {
      if (!e.phrase || !text.includes(e.phrase)) continue
      const why = e.note ? `：${e.note}` : ''
      add({ kind: 'expression', anchor, excerpt: e.phrase, message: `「${e.phrase}」是不规范或易错的表述${why}`, suggestion: e.suggestion })
    }
    for (const f of figuresIn(text)) {
      if (sourceFigures.has(f.key)) continue
      add({ kind: 'figure', anchor, excerpt: f.raw, message: `数字「${f.raw}」在来源事例中没有出现，请与事例核对`, suggestion: null })
    }
  }
  return flags
}

/** The identity of a finding across versions: an acknowledgement carries over while it is unchanged. */
export const flagKey = (f: Pick<ScanFlag, 'kind' | 'excerpt' | 'anchor'>) => `${f.kind}|${f.anchor ?? ''}|${f.excerpt}`
