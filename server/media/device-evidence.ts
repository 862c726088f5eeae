// The capture time and place a phone read from the original photo before compressing it
// (compression drops EXIF). Reported by the device, not read by us: validated here and stored
// apart from the EXIF the server reads itself (media.device_*).
import { DEVICE_EVIDENCE_FIELDS, plausibleCaptureTime, plausiblePlace } from '../../domain/media'
import { MediaError } from './errors'

export interface DeviceFacts {
  takenAt?: Date
  gps?: { lat: number; lng: number }
}

const refuse = (message: string) => new MediaError('bad_device_evidence', 400, message)

// ISO 8601 with seconds and an explicit offset: a time without one would be read in the server's zone.
const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?(Z|[+-]\d\d:\d\d)$/
const DECIMAL = /^-?\d{1,3}(\.\d{1,12})?$/

/**
 * Reads the device fields of an upload (strings, as multipart delivers them; absent or empty
 * when the phone found nothing). Malformed values and coordinates off the globe are 400s naming
 * the field; a believable-looking but implausible time (an unset or wrong camera clock) or 0,0
 * is simply not kept, as the server's own EXIF reading does.
 */
export function readDeviceFacts(fields: Record<string, string | undefined>, now = Date.now()): DeviceFacts {
  const facts: DeviceFacts = {}
  const takenAt = fields[DEVICE_EVIDENCE_FIELDS.takenAt]
  if (takenAt) {
    const at = new Date(takenAt)
    if (!ISO_WITH_OFFSET.test(takenAt) || Number.isNaN(at.getTime())) {
      throw refuse(`拍摄时间（${DEVICE_EVIDENCE_FIELDS.takenAt}）格式不对：应为带时区的 ISO 8601 时间，如 2026-11-25T10:05:00+08:00`)
    }
    if (plausibleCaptureTime(at, now)) facts.takenAt = at
  }
  const latText = fields[DEVICE_EVIDENCE_FIELDS.lat]
  const lngText = fields[DEVICE_EVIDENCE_FIELDS.lng]
  if (latText || lngText) {
    if (!latText || !lngText) throw refuse(`拍摄地点需同时提供纬度（${DEVICE_EVIDENCE_FIELDS.lat}）和经度（${DEVICE_EVIDENCE_FIELDS.lng}）`)
    const lat = DECIMAL.test(latText) ? Number(latText) : NaN
    const lng = DECIMAL.test(lngText) ? Number(lngText) : NaN
    if (!(Math.abs(lat) <= 90)) throw refuse(`拍摄地点的纬度（${DEVICE_EVIDENCE_FIELDS.lat}）应为 -90 到 90 之间的数字`)
    if (!(Math.abs(lng) <= 180)) throw refuse(`拍摄地点的经度（${DEVICE_EVIDENCE_FIELDS.lng}）应为 -180 到 180 之间的数字`)
    if (plausiblePlace(lat, lng)) facts.gps = { lat, lng }
  }
  return facts
}
