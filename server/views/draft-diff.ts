import { diffWords, type ChangeObject } from 'diff'
import type { DraftContent } from '../../domain/draft/content'
import { blockText } from '../../domain/draft/content'
import type { DraftDiff } from '../../domain/schemas/draft'

// Chinese has no spaces between words: the word diff needs a segmenter that knows the language
// (Node's full ICU has it), else a changed sentence would show as one replaced block.
const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' })

const parts = (changes: ChangeObject<string>[]) => changes.map((c) => ({ value: c.value, added: !!c.added, removed: !!c.removed }))
const wordDiff = (a: string, b: string) => parts(diffWords(a, b, { intlSegmenter: segmenter }))
const whole = (value: string, side: 'added' | 'removed') => [{ value, added: side === 'added', removed: side === 'removed' }]

/**
 * The differences between two versions, paragraph by paragraph: blocks are matched by their id
 * (stable across saves), so a moved or rewritten paragraph is one changed block with its words
 * marked, a new one is added, a deleted one removed (shown where it stood).
 */
export function diffVersions(from: { number: number; title: string; content: DraftContent }, to: { number: number; title: string; content: DraftContent }): DraftDiff {
  const before = new Map(from.content.blocks.map((b, i) => [b.id, { b, i }]))
  const afterIds = new Set(to.content.blocks.map((b) => b.id))
  const blocks: DraftDiff['blocks'] = []
  const removedAt = (index: number) =>
    from.content.blocks
      .filter((b, i) => i < index && !afterIds.has(b.id))
      .map((b) => ({ anchor: b.id, change: 'removed' as const, parts: whole(blockText(b), 'removed') }))
  for (const b of to.content.blocks) {
    const old = before.get(b.id)
    if (old) {
      // Removed blocks that stood before this one are shown before it.
      blocks.push(...removedAt(old.i + 1).filter((r) => !blocks.some((x) => x.anchor === r.anchor)))
      const a = blockText(old.b)
      const t = blockText(b)
      blocks.push(a === t && old.b.type === b.type ? { anchor: b.id, change: 'same', parts: whole(t, 'added').map((p) => ({ ...p, added: false })) } : { anchor: b.id, change: 'changed', parts: wordDiff(a, t) })
    } else blocks.push({ anchor: b.id, change: 'added', parts: whole(blockText(b), 'added') })
  }
  blocks.push(...removedAt(from.content.blocks.length).filter((r) => !blocks.some((x) => x.anchor === r.anchor)))
  return { from: from.number, to: to.number, title: from.title === to.title ? [{ value: to.title, added: false, removed: false }] : wordDiff(from.title, to.title), blocks }
}
