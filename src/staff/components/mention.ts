import type { Colleague } from '@/services/desk-api'

/**
 * The `@名` being typed at the caret, if any: the text from the last @ to the caret, as long as it
 * has no space or punctuation yet (domain MENTION_PATTERN's name characters).
 */
export function mentionAt(text: string, caret: number): { start: number; word: string } | null {
  const before = text.slice(0, caret)
  const m = /@([^\s@，。,.;；:：!！?？、()（）]{0,32})$/u.exec(before)
  return m ? { start: before.length - m[0].length, word: m[1] } : null
}

/** Colleagues whose name starts with (then contains) what was typed after the @. */
export function mentionCandidates(people: readonly Colleague[], word: string, limit = 6): Colleague[] {
  const live = people.filter((p) => !p.disabled)
  const starts = live.filter((p) => p.name.startsWith(word))
  const contains = live.filter((p) => !p.name.startsWith(word) && p.name.includes(word))
  return [...starts, ...contains].slice(0, limit)
}

/** The text with the partial `@wo` at `start` replaced by `@王五 `, and where the caret goes. */
export function insertMention(text: string, caret: number, start: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length }
}
