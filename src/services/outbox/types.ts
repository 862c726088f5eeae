// The outbox's persisted shapes. Everything here is plain JSON: the store writes the
// list as-is, and photo files are referenced by path (their bytes never go into storage).
import type { DeviceEvidence } from '../../../domain/media'

export const OUTBOX_STATES = ['queued', 'sending', 'submitted', 'failed'] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]

/** Labels the officer sees; one place so every screen says the same thing. */
export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  queued: '待发送',
  sending: '发送中',
  submitted: '已提交',
  failed: '失败'
}

/** The most photos one typical case may carry (the server enforces the same limit). */
export const MAX_CASE_PHOTOS = 9

/** Where it happened. Must match the server's case schema when that lands in `domain/`. */
export interface CasePlace {
  address: string
  lat?: number
  lng?: number
}

/** What the officer typed; sent to `POST /api/cases` as-is, plus clientId and mediaIds. */
export interface CaseDraft {
  title: string
  body: string
  /** ISO 8601 date-time. */
  occurredAt: string
  place?: CasePlace
  topics?: string[]
}

export interface OutboxPhoto {
  /** A file the FileKeeper put in the user data folder; survives restarts. */
  localPath: string
  /** When and where the original was taken, read before compression; sent with the upload. */
  device?: DeviceEvidence
  /** Set once the upload succeeded, so a retry does not upload the photo again. */
  mediaId?: string
  /** 0..1 for the current upload; 1 once uploaded. Not saved on every tick. */
  progress: number
}

/** A photo handed to `enqueue`: its (compressed) file and what the original said about itself. */
export interface PhotoToSend {
  path: string
  device?: DeviceEvidence
}

export interface OutboxEntry {
  /** Generated on the phone at submit; the server de-duplicates on it. Never changes. */
  clientId: string
  draft: CaseDraft
  photos: OutboxPhoto[]
  state: OutboxState
  /** Transient failures since the last success or manual retry; drives the backoff. */
  attempts: number
  /** Epoch ms; a queued entry is not sent before this. */
  nextAttemptAt: number
  /** Chinese, for the officer: the server's message (failed) or why it is waiting (queued). */
  lastError?: string
  /** The server's case id once submitted. */
  caseId?: string
  createdAt: number
  submittedAt?: number
}
