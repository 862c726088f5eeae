// Import the buffer-only core: its package export has a `default` condition that jest
// resolves; the root entry only offers `import`, which jest's CommonJS runtime cannot use.
import { fileTypeFromBuffer } from 'file-type/core'

export const ALLOWED_IMAGE_TYPES = ['jpeg', 'png', 'webp', 'heic'] as const
export type ImageType = (typeof ALLOWED_IMAGE_TYPES)[number]

/** file-type never needs more than this many leading bytes for the formats we accept. */
export const SNIFF_BYTES = 4100

const BY_MIME: Record<string, ImageType> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  // HEIF stills from phones; AVIF (also HEIF-based) is reported as image/avif and refused.
  'image/heic': 'heic',
  'image/heif': 'heic',
  'image/heic-sequence': 'heic',
  'image/heif-sequence': 'heic'
}

/**
 * The image type the bytes really are, from magic bytes only (never the filename or
 * the Content-Type the client claims), or null when it is not one we accept.
 */
export async function sniffImageType(head: Uint8Array): Promise<ImageType | null> {
  const found = await fileTypeFromBuffer(head.subarray(0, SNIFF_BYTES))
  return (found && BY_MIME[found.mime]) || null
}
