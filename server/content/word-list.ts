import fs from 'node:fs'
import path from 'node:path'
import AhoCorasick from 'modern-ahocorasick'
import { worst, type Verdict } from '../../domain/moderation/verdict'

export type ListedVerdict = Exclude<Verdict, 'pass'>
export interface WordEntry {
  word: string
  verdict: ListedVerdict
}

/** The list shipped with zhibao (CONTENT_WORDLIST points elsewhere). */
export const DEFAULT_WORD_LIST = path.join(__dirname, 'default-words.txt')

/** `word<TAB or spaces>review|risky` per line, `#` comments; a malformed line names its number. */
export function parseWordList(text: string, source = 'word list'): WordEntry[] {
  const entries: WordEntry[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const m = /^(.+?)\s+(review|risky)$/.exec(line)
    if (!m) throw new Error(`${source}:${i + 1}: expected "<word> review|risky", got ${JSON.stringify(line)}`)
    entries.push({ word: m[1]!.trim(), verdict: m[2] as ListedVerdict })
  })
  return entries
}

export function loadWordList(file: string): WordEntry[] {
  return parseWordList(fs.readFileSync(file, 'utf8'), file)
}

/**
 * Aho–Corasick over the list (modern-ahocorasick): one pass over the text whatever the list's
 * size. Case-folded, so FAKE_RISKY and fake_risky are one word. The verdict is the worst of every
 * word found; `pass` when none is.
 */
export function wordMatcher(entries: readonly WordEntry[]): (text: string) => { verdict: Verdict; words: string[] } {
  if (!entries.length) return () => ({ verdict: 'pass', words: [] })
  const matcher = new AhoCorasick<ListedVerdict>(entries.map((e) => ({ pattern: e.word.toLowerCase(), data: e.verdict })))
  return (text) => {
    let verdict: Verdict = 'pass'
    const words: string[] = []
    for (const m of matcher.iterate(text.toLowerCase())) {
      verdict = worst(verdict, m.data ?? 'review')
      words.push(m.pattern)
    }
    return { verdict, words }
  }
}
