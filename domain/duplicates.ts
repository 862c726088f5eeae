/**
 * Likely duplicates, scored the same way wherever they are shown: similar text by Chinese
 * character bigrams (the inbox search's index holds the same pairs), the same author, the same
 * contact phone, the same place, and closeness in time. Pure: the server gathers candidates
 * through the bigram index and scores them here.
 */

export const DUPLICATE_REASONS = ['text', 'author', 'phone', 'place', 'time'] as const
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number]
export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  text: '内容相似',
  author: '同一留言人',
  phone: '同一电话',
  place: '同一地点',
  time: '时间相近'
}

/** Candidates are looked for among items created this many days before or after the item. */
export const DUPLICATE_WINDOW_DAYS = 90
/** "Close in time": created within this many days of each other. */
export const DUPLICATE_CLOSE_DAYS = 3
/**
 * Bigram similarity (Dice) that counts as similar text. Measured on /work/shared/data's 70
 * unrelated items: no pair above 0.18; a paraphrase of one of them scores 0.62 against it.
 */
export const DUPLICATE_TEXT_MIN = 0.3
/** Scores below this are not listed (the same author or phone alone still is); nor is closeness in time on its own. */
export const DUPLICATE_SCORE_MIN = 0.15
export const DUPLICATES_SHOWN = 10

const WEIGHTS: Record<DuplicateReason, number> = { text: 0.65, author: 0.15, phone: 0.15, place: 0.1, time: 0.05 }

const isWordChar = (c: string) => /[\p{L}\p{N}]/u.test(c)

/**
 * Distinct lower-cased pairs of adjacent characters (code points), as the database's
 * `zb_bigrams` makes them, keeping only pairs of letters or digits: a pair with punctuation
 * ("，我") says nothing about what a text is about.
 */
export function textBigrams(text: string): string[] {
  const chars = Array.from(text.toLowerCase())
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) if (isWordChar(chars[i]!) && isWordChar(chars[i + 1]!)) out.add(chars[i]! + chars[i + 1]!)
  return [...out]
}

/** Dice's coefficient of two bigram sets: 1 for the same pairs, 0 for none in common. */
export function bigramSimilarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0
  const bs = new Set(b)
  let common = 0
  for (const x of new Set(a)) if (bs.has(x)) common++
  return (2 * common) / (new Set(a).size + bs.size)
}

// A place named in free text: a run of letters ending in a word that names a place (路, 夜市…).
const PLACE_PATTERN = /[\p{Script=Han}A-Za-z0-9]{1,8}?(?:路|街|巷|大道|村|镇|乡|社区|小区|广场|市场|夜市|商场|超市|大厦|花园|公园|学校|小学|中学|医院|车站|批发部|充装站)/gu
const PLACE_NOISE = /^(?:这个|那个|一个|一家|这家|那家|我们|你们|他们|附近|周边|门口|旁边|最近)/u

/** Place names in a text or an address, without leading filler (一家超市 → 超市 is dropped as too vague). */
export function placeTerms(text: string | null | undefined): string[] {
  if (!text) return []
  const out = new Set<string>()
  for (const m of text.matchAll(PLACE_PATTERN)) {
    const term = m[0].replace(PLACE_NOISE, '')
    // A bare suffix (超市, 市场) is every shop in the county, not a place.
    if (Array.from(term).length >= 3) out.add(term)
  }
  return [...out]
}

export interface DuplicateSide {
  id: string
  authorId: string
  createdAt: Date
  text: string
  phone: string | null
  /** An address of its own (a case's place), if any. */
  address: string | null
}

export interface DuplicateScore {
  score: number
  reasons: DuplicateReason[]
}

/** How likely `other` is a duplicate of `item`, and why; null when not worth listing. */
export function scoreDuplicate(item: DuplicateSide, other: DuplicateSide): DuplicateScore | null {
  if (item.id === other.id) return null
  const reasons: DuplicateReason[] = []
  let score = 0
  const similarity = bigramSimilarity(textBigrams(item.text), textBigrams(other.text))
  if (similarity >= DUPLICATE_TEXT_MIN) reasons.push('text')
  // Similar text counts in proportion: a paraphrase (about 0.6) counts fully.
  score += WEIGHTS.text * Math.min(1, similarity / 0.6)
  const add = (reason: DuplicateReason, yes: boolean) => {
    if (!yes) return
    reasons.push(reason)
    score += WEIGHTS[reason]
  }
  add('author', item.authorId === other.authorId)
  add('phone', item.phone !== null && item.phone === other.phone)
  const places = new Set([...placeTerms(item.address), ...placeTerms(item.text)])
  add('place', [...placeTerms(other.address), ...placeTerms(other.text)].some((p) => places.has(p)))
  add('time', Math.abs(item.createdAt.getTime() - other.createdAt.getTime()) <= DUPLICATE_CLOSE_DAYS * 86_400_000)
  score = Math.round(Math.min(1, score) * 100) / 100
  if (!reasons.some((r) => r !== 'time') || score < DUPLICATE_SCORE_MIN) return null
  return { score, reasons }
}
