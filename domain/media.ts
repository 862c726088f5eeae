/**
 * What the app does to a photo before upload; the media benchmark simulates the same, so the
 * bytes it reports are the bytes phones send. Quality 0.75 keeps text on shop signs and
 * licences legible at 1920 px while sending about a seventh of a 12-MP original.
 */
export const CLIENT_PHOTO_LONG_SIDE = 1920
export const CLIENT_JPEG_QUALITY = 0.75
/**
 * What the phone read from the ORIGINAL photo's EXIF before compression dropped it. Reported by
 * the device, so the server stores it apart from what it reads from the upload itself.
 */
export interface DeviceEvidence {
  /** ISO 8601 with an offset. */
  takenAt?: string
  /** WGS-84 degrees; both or neither. */
  lat?: number
  lng?: number
}

/** The multipart fields of `POST /api/media` that carry it; sent before the file part. */
export const DEVICE_EVIDENCE_FIELDS = { takenAt: 'deviceTakenAt', lat: 'deviceLat', lng: 'deviceLng' } as const

/** Unset camera clocks write 0000:00:00 or 1970: no capture time before this is believed. */
export const EARLIEST_CAPTURE = Date.UTC(2000, 0, 1)
/** A capture time further ahead of the clock than this is a wrong clock, not a photo. */
export const CAPTURE_CLOCK_SKEW_MS = 24 * 3600_000

/** The one rule for a believable capture time, on the phone and on the server. */
export function plausibleCaptureTime(at: Date, now = Date.now()): boolean {
  const t = at.getTime()
  return Number.isFinite(t) && t >= EARLIEST_CAPTURE && t <= now + CAPTURE_CLOCK_SKEW_MS
}

/** A believable place: on the globe, and not 0,0 (what some phones write with no fix). */
export function plausiblePlace(lat: number, lng: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && !(lat === 0 && lng === 0)
}
