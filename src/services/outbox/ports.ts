// What the outbox needs from the platform. Taro implements these in the app; the tests
// implement them in memory. Nothing in this folder imports Taro.
import type { DeviceEvidence } from '../../../domain/media'
import type { CaseDraft, OutboxEntry } from './types'

/** The whole outbox list, persisted (e.g. as JSON in Taro storage, one key per officer). */
export interface OutboxStore {
  load(): Promise<OutboxEntry[]>
  /** Resolves once the list is durable; the outbox relies on that before each network call. */
  save(entries: readonly OutboxEntry[]): Promise<void>
}

/** Body of `POST /api/cases`. */
export interface CreateCaseBody extends CaseDraft {
  clientId: string
  mediaIds: string[]
}

/** Network calls. Reject with `SendError` to say whether a retry can help. */
export interface Transport {
  /** `POST /api/media` (multipart `file`, after the device's evidence fields). `onProgress` gets 0..1. */
  uploadPhoto(localPath: string, onProgress: (fraction: number) => void, device?: DeviceEvidence): Promise<{ id: string }>
  /** `POST /api/cases`: created is true on 201, false on 200 (clientId already used). */
  createCase(body: CreateCaseBody): Promise<{ id: string; created: boolean }>
}

export type TimerHandle = unknown

export interface Clock {
  now(): number
  setTimer(callback: () => void, ms: number): TimerHandle
  clearTimer(handle: TimerHandle): void
}

/** Photo files waiting to be sent, in a folder of their own under the user data folder. */
export interface FileKeeper {
  /** Copies or moves a picked (temporary) photo into the folder; returns its lasting path. */
  keep(tempPath: string): Promise<string>
  /** Deletes a kept file; a missing file is not an error. */
  remove(keptPath: string): Promise<void>
  /** Every file in the folder, to delete leftovers of a crash. Only the outbox's own folder. */
  list(): Promise<string[]>
}

export interface OutboxPorts {
  store: OutboxStore
  transport: Transport
  clock: Clock
  files: FileKeeper
  newClientId: () => string
  /** 0 <= x < 1, for backoff jitter. */
  random: () => number
}
