// The original photo's own capture time and place, read before compression drops them. Taro picks
// photo-evidence.weapp.ts or .h5.ts at build time (same interface); this default is what TypeScript
// reads and what any other platform gets. Apart from photo.*, which the launch-time outbox needs:
// only the officers' case form reads evidence, so the EXIF reader stays out of the main package.
import type { DeviceEvidence } from '@/domain'

/**
 * When and where the ORIGINAL photo at `path` was taken, from its EXIF; read before compressing,
 * which drops it. Empty when the platform cannot read the file or the photo says nothing.
 */
export async function readDeviceEvidence(_path: string): Promise<DeviceEvidence> {
  return {}
}
