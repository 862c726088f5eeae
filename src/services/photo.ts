// Photo compression before upload. Taro picks photo.weapp.ts or photo.h5.ts at build time (same
// interface); this default is what TypeScript reads and what any other platform gets.
import type { DeviceEvidence } from '@/domain'

/**
 * Returns a path to a JPEG whose long side is at most CLIENT_PHOTO_LONG_SIDE, at
 * CLIENT_JPEG_QUALITY. Falls back to the original path when the platform cannot compress.
 */
export async function compressPhoto(path: string): Promise<string> {
  return path
}

/**
 * When and where the ORIGINAL photo at `path` was taken, from its EXIF; read before compressing,
 * which drops it. Empty when the platform cannot read the file or the photo says nothing.
 */
export async function readDeviceEvidence(_path: string): Promise<DeviceEvidence> {
  return {}
}

/** Whether a local photo path (e.g. one kept in a saved draft) can still be read. */
export function photoExists(_path: string): boolean {
  return true
}
