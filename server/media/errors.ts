/** Machine-readable reasons an upload is refused; the route maps them to HTTP. */
export type MediaErrorCode =
  | 'too_large'
  | 'unsupported_type'
  | 'heic_undecodable'
  | 'corrupt'
  | 'too_many_pixels'
  | 'upload_aborted'
  | 'bad_device_evidence'

/**
 * A client-caused ingest failure. `statusCode` is the HTTP status the route should
 * answer with and `message` is shown to the user as is (Simplified Chinese).
 */
export class MediaError extends Error {
  readonly code: MediaErrorCode
  readonly statusCode: number

  constructor(code: MediaErrorCode, statusCode: number, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'MediaError'
    this.code = code
    this.statusCode = statusCode
  }
}

export const isMediaError = (err: unknown): err is MediaError => err instanceof MediaError
