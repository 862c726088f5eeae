// Photo compression before upload. Taro picks photo.weapp.ts or photo.h5.ts at build time (same
// interface); this default is what TypeScript reads and what any other platform gets.

/**
 * Returns a path to a JPEG whose long side is at most CLIENT_PHOTO_LONG_SIDE, at
 * CLIENT_JPEG_QUALITY. Falls back to the original path when the platform cannot compress.
 */
export async function compressPhoto(path: string): Promise<string> {
  return path
}

/** Whether a local photo path (e.g. one kept in a saved draft) can still be read. */
export function photoExists(_path: string): boolean {
  return true
}
