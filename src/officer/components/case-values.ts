// The case form's values, their checks (the server's limits, so a bad case never leaves the
// phone) and their conversion to what the outbox and the API take.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { CASE_BODY_MAX, CASE_PHOTOS_MAX, CASE_TITLE_MAX, type DeviceEvidence, type ResubmitCaseBody } from '@/domain'
import type { CaseDraft } from '@/services/outbox'
import { charCount } from '@/components/char-count'

dayjs.extend(utc)

/** The bureau works in Beijing time (UTC+8); the picker shows and sets it whatever the device's zone, as formatTime shows it. */
export function beijingParts(iso: string): { date: string; time: string } {
  const t = dayjs(iso).utcOffset(8 * 60)
  return { date: t.format('YYYY-MM-DD'), time: t.format('HH:mm') }
}

export function fromBeijing(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString()
}

/** One photo on the form: a local file not yet uploaded, or an uploaded one (mediaId). */
export interface FormPhoto {
  key: string
  /** Local (compressed) file; absent for photos the server already has. */
  path?: string
  /** When and where the original was taken, read on the phone before compression; sent with the upload. */
  device?: DeviceEvidence
  mediaId?: string
  /** Server thumbnail of an uploaded photo. */
  thumbUrl?: string
  /** 0..1 while uploading from the form (edit mode). */
  progress: number
  uploading?: boolean
  /** Chinese reason of a failed upload. */
  error?: string
}

export interface CaseFormValues {
  title: string
  body: string
  /** ISO 8601. */
  occurredAt: string
  address: string
  lat?: number
  lng?: number
  photos: FormPhoto[]
}

export type CaseFormField = 'title' | 'body' | 'occurredAt' | 'address' | 'photos'
export type CaseFormErrors = Partial<Record<CaseFormField, string>>


export const emptyCaseValues = (now: Date = new Date()): CaseFormValues => ({
  title: '',
  body: '',
  occurredAt: now.toISOString(),
  address: '',
  photos: []
})

export function validateCase(v: CaseFormValues, now: Date = new Date()): CaseFormErrors {
  const errors: CaseFormErrors = {}
  const title = v.title.trim()
  if (!title) errors.title = '请填写标题'
  else if (charCount(title) > CASE_TITLE_MAX) errors.title = `标题不能超过 ${CASE_TITLE_MAX} 字`
  const body = v.body.trim()
  if (!body) errors.body = '请填写事例内容'
  else if (charCount(body) > CASE_BODY_MAX) errors.body = `事例内容不能超过 ${CASE_BODY_MAX} 字`
  const at = dayjs(v.occurredAt)
  if (!at.isValid()) errors.occurredAt = '请选择发生时间'
  // A minute of grace: the default "now" was taken when the form opened.
  else if (at.valueOf() > now.getTime() + 60_000) errors.occurredAt = '发生时间不能晚于现在'
  if (v.lat !== undefined && !v.address.trim()) errors.address = '已定位，请再填写地点描述（如街道、店名）'
  else if (charCount(v.address.trim()) > 200) errors.address = '地点不能超过 200 字'
  if (v.photos.length > CASE_PHOTOS_MAX) errors.photos = `最多 ${CASE_PHOTOS_MAX} 张照片`
  return errors
}

function place(v: CaseFormValues): CaseDraft['place'] {
  const address = v.address.trim()
  if (!address) return undefined
  return { address, ...(v.lat !== undefined && v.lng !== undefined ? { lat: v.lat, lng: v.lng } : {}) }
}

/** What the outbox keeps and sends (photos go separately, as files). */
export function toCaseDraft(v: CaseFormValues): CaseDraft {
  const p = place(v)
  return { title: v.title.trim(), body: v.body.trim(), occurredAt: v.occurredAt, ...(p ? { place: p } : {}) }
}

/** Body of POST /api/cases/:id/resubmit; every photo must be uploaded by now. */
export function toResubmitBody(v: CaseFormValues, topics: string[]): ResubmitCaseBody {
  const p = place(v)
  return {
    title: v.title.trim(),
    body: v.body.trim(),
    occurredAt: v.occurredAt,
    ...(p ? { place: p } : {}),
    ...(topics.length ? { topics } : {}),
    mediaIds: v.photos.map((ph) => ph.mediaId).filter((id): id is string => Boolean(id))
  }
}
