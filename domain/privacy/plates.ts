import type { PrivacySpan } from './types'
import { isCodeChar } from './normalize'

/*
 * Licence plates (GA 36): a province abbreviation, the issuing office's letter (no I or O), then
 * five characters (ordinary plates; the last may be 挂/学/警/港/澳) or six (new-energy plates:
 * D or F first for small cars, last for large ones). A dot or space may follow the letter.
 */
const PROVINCE = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'
const L = 'A-HJ-NP-Z'
const PLATE = new RegExp(`[${PROVINCE}][${L}][·•・.\\s]?(?:[DF][${L}0-9]\\d{4}|\\d{5}[DF]|[${L}0-9]{4}[${L}0-9挂学警港澳])`, 'g')

export function findPlates(text: string, norm: string): PrivacySpan[] {
  const out: PrivacySpan[] = []
  for (const m of norm.matchAll(PLATE)) {
    const start = m.index!
    const end = start + m[0].length
    if (isCodeChar(norm[end])) continue
    const tail = m[0].slice(2).replace(/^[·•・.\s]/, '')
    // Ordinary plates carry at most two letters in their last five: "苏AHELLO" is a word, not a car.
    if ((tail.match(/\d/g) ?? []).length < 3) continue
    out.push({ start, end, kind: 'plate', text: text.slice(start, end), replacement: `${m[0].slice(0, 2)}${'*'.repeat(tail.length - 1)}${tail.slice(-1)}` })
  }
  return out
}
