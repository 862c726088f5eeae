// Derived values for the outbox screen, so pages do not re-implement them.
import { OUTBOX_STATE_LABELS, type OutboxEntry } from './types'

/** 0..1 over the whole send: each photo counts one step, creating the case one more. */
export function entryProgress(entry: OutboxEntry): number {
  if (entry.state === 'submitted') return 1
  const steps = entry.photos.length + 1
  const done = entry.photos.reduce((sum, p) => sum + (p.mediaId ? 1 : p.progress), 0)
  return done / steps
}

export interface EntryView {
  clientId: string
  title: string
  label: string
  progress: number
  /** The reason to show (failed), or why it is still waiting (queued after a failure). */
  message?: string
  /** When the next automatic try is due (queued entries only), epoch ms. */
  nextAttemptAt?: number
  canRetry: boolean
  canRemove: boolean
}

export function entryView(entry: OutboxEntry): EntryView {
  return {
    clientId: entry.clientId,
    title: entry.draft.title,
    label: OUTBOX_STATE_LABELS[entry.state],
    progress: entryProgress(entry),
    message: entry.state === 'failed' || entry.state === 'queued' ? entry.lastError : undefined,
    nextAttemptAt: entry.state === 'queued' ? entry.nextAttemptAt : undefined,
    // A queued entry may be retried too: "send now" instead of waiting out the backoff.
    canRetry: entry.state === 'failed' || entry.state === 'queued',
    canRemove: entry.state !== 'sending'
  }
}
