import { InvalidError } from '../errors'
import { LIMITS } from '../limits'
import { customReplacement, detectPersonalData, maskText, type PrivacyKind, type PrivacySpan } from '../privacy'

/** A span as staff send it: where, and what kind (the replacement is always recomputed here). */
export interface SpanChoice {
  start: number
  end: number
  kind: PrivacyKind
}

export interface PublicText {
  /** The text before masking, as staff corrected it (internal: never shown on the board). */
  text: string
  spans: PrivacySpan[]
  /** What the board shows. */
  public: string
}

/**
 * The public text from a source text and the spans staff chose. A span the detector also found
 * keeps its replacement (138****5678); any other becomes stars. Spans must lie inside the text
 * and not overlap, so what the preview highlighted is exactly what gets masked.
 */
export function buildPublicText(text: string, choices: readonly SpanChoice[], field: string): PublicText {
  if (choices.length > LIMITS.boardSpans) throw new InvalidError(`隐去的内容最多 ${LIMITS.boardSpans} 处`, field)
  const detected = new Map(detectPersonalData(text).map((s) => [`${s.start}:${s.end}:${s.kind}`, s]))
  const sorted = [...choices].sort((a, b) => a.start - b.start)
  const spans: PrivacySpan[] = []
  for (const c of sorted) {
    if (!Number.isInteger(c.start) || !Number.isInteger(c.end) || c.start < 0 || c.end > text.length || c.end <= c.start) {
      throw new InvalidError('隐去的位置超出了文字范围，请刷新后重新标记', field)
    }
    const prev = spans[spans.length - 1]
    if (prev && c.start < prev.end) throw new InvalidError('隐去的内容有重叠，请合并后重试', field)
    // Never cut a surrogate pair in half: the stars would sit next to half a character.
    if (/[\uDC00-\uDFFF]/.test(text[c.start] ?? '') || /[\uDC00-\uDFFF]/.test(text[c.end] ?? '')) throw new InvalidError('隐去的位置不完整，请重新标记', field)
    const found = detected.get(`${c.start}:${c.end}:${c.kind}`)
    const t = text.slice(c.start, c.end)
    spans.push(found ?? { start: c.start, end: c.end, kind: c.kind, text: t, replacement: customReplacement(t) })
  }
  return { text, spans, public: maskText(text, spans) }
}

/** The masker's own proposal for a text: every finding masked. */
export function autoPublicText(text: string): PublicText {
  const spans = detectPersonalData(text)
  return { text, spans, public: maskText(text, spans) }
}

/** Findings of the masker that the chosen spans leave visible: the preview warns about each. */
export function unmaskedFindings(text: string, spans: readonly PrivacySpan[]): PrivacySpan[] {
  return detectPersonalData(text).filter((d) => !spans.some((s) => s.start < d.end && d.start < s.end))
}
