import type { Readable } from 'node:stream'

export type MediaVariant = 'full' | 'thumb'

export interface StoredObject {
  body: Readable
  size: number
  contentType: string
}

/**
 * Where normalised images live. Keys are content addresses (see `mediaKey`), so a put of
 * a key that already exists stores the same bytes again and may be skipped.
 */
export interface MediaStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>
  /** null when there is no such object. */
  get(key: string): Promise<StoredObject | null>
  exists(key: string): Promise<boolean>
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>
}

const SHA256_HEX = /^[0-9a-f]{64}$/

/** `media/ab/abcdef….jpg` (full) and `media/ab/abcdef…-thumb.jpg`, sharded by the first byte. */
export function mediaKey(sha256: string, variant: MediaVariant): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a lowercase hex SHA-256: ${sha256}`)
  return `media/${sha256.slice(0, 2)}/${sha256}${variant === 'thumb' ? '-thumb' : ''}.jpg`
}

// Lowercase path segments of safe characters: no `..`, no absolute paths, no backslashes,
// so a key can never leave LocalStorage's root nor surprise an S3-compatible store.
const KEY = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*(\/[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*)*$/

export function assertValidKey(key: string): void {
  if (key.length > 512 || !KEY.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`)
}

const CONTENT_TYPE_BY_EXT: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

export function contentTypeOfKey(key: string): string {
  const ext = key.slice(key.lastIndexOf('.') + 1)
  return CONTENT_TYPE_BY_EXT[ext] ?? 'application/octet-stream'
}
