// H5: the picked File's bytes, through its blob: URL, before the canvas re-encodes it without EXIF.
import type { DeviceEvidence } from '@/domain'
import { EXIF_HEAD_BYTES, readExif } from './exif'

/** The picked file's own bytes (a blob: URL from the file chooser), before the canvas drops its EXIF. */
export async function readDeviceEvidence(path: string): Promise<DeviceEvidence> {
  try {
    const file = await (await fetch(path)).blob()
    return readExif(await file.slice(0, EXIF_HEAD_BYTES).arrayBuffer())
  } catch {
    return {}
  }
}
