import type { Mark, TextRun } from './content'

/**
 * The editor's plain-text spelling of runs: **加粗** and *倾斜*, nothing else. Typed into an
 * ordinary text box on phones and the desk, turned into runs (never HTML) before saving, and
 * back when the editor opens a version. An unmatched marker stays as typed.
 */
export function runsFromMarkup(text: string): TextRun[] {
  const runs: TextRun[] = []
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*/g
  let last = 0
  for (const m of text.matchAll(re)) {
    if (m.index! > last) runs.push({ text: text.slice(last, m.index) })
    runs.push(m[1] !== undefined ? { text: m[1], marks: ['bold'] } : { text: m[2]!, marks: ['italic'] })
    last = m.index! + m[0].length
  }
  if (last < text.length || !runs.length) runs.push({ text: text.slice(last) })
  return merge(runs)
}

const same = (a?: Mark[], b?: Mark[]) => (a ?? []).join() === (b ?? []).join()

function merge(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = []
  for (const r of runs) {
    const prev = out[out.length - 1]
    if (prev && same(prev.marks, r.marks)) prev.text += r.text
    else if (r.text || !out.length) out.push({ ...r })
  }
  return out.length ? out : [{ text: '' }]
}

/** Runs back into the editor's spelling (bold wins where a run has both marks). */
export function markupFromRuns(runs: readonly TextRun[]): string {
  return runs.map((r) => (r.marks?.includes('bold') ? `**${r.text}**` : r.marks?.includes('italic') ? `*${r.text}*` : r.text)).join('')
}
