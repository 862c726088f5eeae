/**
 * The personal-data masker: finds names, phone numbers, ID-card and bank-card numbers, licence
 * plates and home addresses in Chinese text, and masks them. Pure and platform-free: the server
 * masks what goes on the public board, the app shows staff the same spans before they approve,
 * and the draft review's pre-publication scan flags them.
 */
import { findAddresses } from './addresses'
import { findNames } from './names'
import { normalizeWidth } from './normalize'
import { findBankCards, findIdCards, findLandlines, findMobiles } from './numbers'
import { findPlates } from './plates'
import type { PrivacyKind, PrivacySpan } from './types'

export * from './types'
export { isValidIdCard, luhnValid } from './numbers'

// When two findings overlap, the more specific wins: an 18-digit number that is a valid ID
// card is not also a bank card, a phone inside an ID is not a phone.
const PRIORITY: Record<PrivacyKind, number> = { custom: 0, idCard: 1, bankCard: 2, mobile: 3, landline: 4, plate: 5, address: 6, name: 7 }

/** Sorted by start, without overlaps (the earlier, then the more specific, then the longer wins). */
export function resolveSpans(spans: readonly PrivacySpan[]): PrivacySpan[] {
  const ranked = [...spans].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: PrivacySpan[] = []
  for (const s of ranked) if (s.end > s.start && !kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s)
  return kept.sort((a, b) => a.start - b.start)
}

/** Every piece of personal data found in `text`, sorted and without overlaps. */
export function detectPersonalData(text: string): PrivacySpan[] {
  const norm = normalizeWidth(text)
  return resolveSpans([
    ...findIdCards(text, norm),
    ...findBankCards(text, norm),
    ...findMobiles(text, norm),
    ...findLandlines(text, norm),
    ...findPlates(text, norm),
    ...findAddresses(text, norm),
    ...findNames(norm).map((s) => ({ ...s, text: text.slice(s.start, s.end) }))
  ])
}

/** What a span staff add by hand shows instead: one star per character, at least two. */
export function customReplacement(text: string): string {
  return '*'.repeat(Math.max(2, Array.from(text).length))
}

/** A span staff mark by hand over text[start, end). */
export function customSpan(text: string, start: number, end: number): PrivacySpan {
  const t = text.slice(start, end)
  return { start, end, kind: 'custom', text: t, replacement: customReplacement(t) }
}

export interface MaskedSegment {
  text: string
  /** The span this piece replaces, for pieces that were masked. */
  span?: PrivacySpan
}

/**
 * The text cut into plain and masked pieces, for showing what was masked (highlighted). Spans
 * that no longer match the text (it was edited since) or overlap an earlier one are ignored.
 */
export function maskedSegments(text: string, spans: readonly PrivacySpan[]): MaskedSegment[] {
  const out: MaskedSegment[] = []
  let at = 0
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at || s.end > text.length || s.end <= s.start || text.slice(s.start, s.end) !== s.text) continue
    if (s.start > at) out.push({ text: text.slice(at, s.start) })
    out.push({ text: s.replacement, span: s })
    at = s.end
  }
  if (at < text.length) out.push({ text: text.slice(at) })
  return out
}

/** The text with every span replaced by its replacement. */
export function maskText(text: string, spans: readonly PrivacySpan[]): string {
  return maskedSegments(text, spans)
    .map((s) => s.text)
    .join('')
}
