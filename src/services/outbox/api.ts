// What the UI layer calls. Implemented by createOutbox (outbox.ts).
import type { BackoffPolicy } from './backoff'
import type { HistoryPolicy } from './history'
import type { CaseDraft, OutboxEntry, PhotoToSend } from './types'

export interface OutboxOptions {
  backoff?: BackoffPolicy
  history?: HistoryPolicy
}

export type OutboxListener = (entries: readonly OutboxEntry[]) => void

export interface Outbox {
  /** Loads the saved list and resumes sending. Call once, at app launch; other calls wait for it. */
  start(options?: { online?: boolean }): Promise<void>
  /** Keeps the photos, saves the entry, starts sending. Resolves once the entry is saved. */
  enqueue(draft: CaseDraft, photos: readonly (string | PhotoToSend)[]): Promise<OutboxEntry>
  /** Sends every due entry, one at a time. A call during a flush joins the running one. */
  flush(): Promise<void>
  /** Failed or waiting entry: send now (resets the backoff). False if not applicable. */
  retry(clientId: string): Promise<boolean>
  /** Replaces the text of a queued or failed entry, e.g. after the server refused it. */
  edit(clientId: string, draft: CaseDraft): Promise<boolean>
  /** Deletes an entry and its kept photos; refused (false) while it is sending. */
  remove(clientId: string): Promise<boolean>
  /** Drops one photo from a queued or failed entry (e.g. the one the server refused); false otherwise. */
  removePhoto(clientId: string, localPath: string): Promise<boolean>
  /** Wire to the platform's network status events. */
  onNetworkChange(online: boolean): void
  /** Called at once with the current list, then after every change. Returns unsubscribe. */
  subscribe(listener: OutboxListener): () => void
  entries(): readonly OutboxEntry[]
  /** Stops timers and further sends (e.g. on logout). */
  stop(): void
}
