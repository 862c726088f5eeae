import type { MediaModeration } from '../../../domain/moderation/media'
import type { Generated, Selectable, Insertable } from 'kysely'

export interface MediaTable {
  id: Generated<string>
  org_id: string
  owner_id: string
  /** Of the normalised JPEG that is stored. */
  sha256: string
  content_type: string
  bytes: number
  width: number
  height: number
  storage_key: string
  thumb_key: string
  taken_at: Date | null
  gps_lat: number | null
  gps_lng: number | null
  /** Reported by the phone from the original photo (before compression stripped EXIF); not verified. */
  device_taken_at: Date | null
  device_lat: number | null
  device_lng: number | null
  created_at: Generated<Date>
  /** Image check outcome (domain/moderation/media.ts). */
  moderation: Generated<MediaModeration>
  /** wxa/media_check_async's trace_id: the callback event is matched by it. */
  check_trace_id: string | null
  check_requested_at: Date | null
  check_label: number | null
}
export type Media = Selectable<MediaTable>
export type NewMedia = Insertable<MediaTable>
