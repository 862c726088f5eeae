import type { Media } from '../db/tables/media'
import type { MediaView, EvidenceMediaView } from '../../domain/schemas/case'
import type { MediaVariant } from '../media'

/** Signs a photo link for one id and variant; links expire, so views are built per answer. */
export type SignMediaUrl = (id: string, variant: MediaVariant) => string

export function toMediaView(m: Media, sign: SignMediaUrl): MediaView {
  return {
    id: m.id,
    url: sign(m.id, 'full'),
    thumbUrl: sign(m.id, 'thumb'),
    width: m.width,
    height: m.height,
    bytes: m.bytes,
    ...(m.taken_at ? { takenAt: m.taken_at.toISOString() } : {}),
    ...(m.device_taken_at ? { deviceTakenAt: m.device_taken_at.toISOString() } : {})
  }
}

/** Staff see the evidence: where the photo was taken, as the officer's phone recorded it. */
export function toEvidenceView(m: Media, sign: SignMediaUrl): EvidenceMediaView {
  return {
    ...toMediaView(m, sign),
    gps: m.gps_lat !== null && m.gps_lng !== null ? { lat: m.gps_lat, lng: m.gps_lng } : null,
    // What the phone read from the original before compression, kept apart from what the server read.
    ...(m.device_lat !== null && m.device_lng !== null ? { deviceGps: { lat: m.device_lat, lng: m.device_lng } } : {})
  }
}
