// How a failed send is classified. Only the transport knows HTTP and Taro's error
// messages; the outbox only needs to know whether trying again later can help.

export type SendFailure =
  /** Network down, timeout, 5xx, 429: try again later with backoff. */
  | { kind: 'transient'; message?: string }
  /** The server refused the content (4xx): retrying unchanged cannot help. */
  | { kind: 'permanent'; message: string }

/** What a Transport rejects with. Anything else it throws counts as transient. */
export class SendError extends Error {
  constructor(readonly failure: SendFailure) {
    super(failure.message ?? 'transient send failure')
    this.name = 'SendError'
  }
}

export const TRANSIENT_MESSAGE = '网络不稳定，稍后自动重试'

/**
 * Unknown errors are treated as transient: an entry that keeps retrying with a capped
 * backoff is better than a case the officer believes lost.
 */
export function toFailure(error: unknown): SendFailure {
  if (error instanceof SendError) return error.failure
  return { kind: 'transient' }
}

/**
 * Classifies an HTTP answer for a Transport built on Taro.request / Taro.uploadFile.
 * Returns null for success. `body` is the parsed JSON (the server's ErrorBody on errors).
 */
export function failureFromHttp(status: number, body: unknown): SendFailure | null {
  if (status >= 200 && status < 300) return null
  // 408 and 429 are "not now", not "not this".
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    const message =
      typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string'
        ? (body as { message: string }).message
        : `提交被拒绝（${status}）`
    return { kind: 'permanent', message }
  }
  return { kind: 'transient', message: status >= 500 ? '服务器暂时不可用，稍后自动重试' : undefined }
}
