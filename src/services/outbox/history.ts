// Submitted entries stay in the list for a while so the officer sees "已提交" for what
// they sent, then drop out; unsent entries are never pruned.
import type { OutboxEntry } from './types'

export interface HistoryPolicy {
  /** How long a submitted entry stays visible. */
  keepMs: number
  /** At most this many submitted entries are kept (newest first). */
  keepMax: number
}

export const DEFAULT_HISTORY: HistoryPolicy = { keepMs: 3 * 24 * 3_600_000, keepMax: 20 }

export function pruneHistory(entries: readonly OutboxEntry[], now: number, policy: HistoryPolicy): OutboxEntry[] {
  const kept = new Set(
    entries
      .filter((e) => e.state === 'submitted' && now - (e.submittedAt ?? 0) < policy.keepMs)
      .sort((a, b) => (b.submittedAt ?? 0) - (a.submittedAt ?? 0))
      .slice(0, policy.keepMax)
  )
  return entries.filter((e) => e.state !== 'submitted' || kept.has(e))
}
