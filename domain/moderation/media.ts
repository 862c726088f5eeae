import { DESK_ROLES } from '../desk'
import { defineModeration } from './table'
import type { Verdict } from './verdict'

/**
 * Whether an uploaded image may be shown. In live mode a citizen's image is `pending` until
 * wxa/media_check_async's callback event says pass (clear), review (held for staff) or risky
 * (quarantined: hidden from everyone, staff see a 已隔离 placeholder). A result that never
 * arrives is noticed by a job and held for staff. In dev mode images are clear on upload.
 */
export const MEDIA_MODERATIONS = ['pending', 'clear', 'held', 'quarantined'] as const
export type MediaModeration = (typeof MEDIA_MODERATIONS)[number]

export const MEDIA_MODERATION = defineModeration<MediaModeration, 'checked_pass' | 'checked_review' | 'checked_risky' | 'timed_out' | 'approve' | 'refuse'>({
  states: MEDIA_MODERATIONS,
  labels: { pending: '检测中', clear: '已通过', held: '待审核', quarantined: '已隔离' },
  table: {
    checked_pass: { from: ['pending'], to: 'clear', by: [], label: '检测通过' },
    checked_review: { from: ['pending'], to: 'held', by: [], label: '检测存疑' },
    checked_risky: { from: ['pending', 'held'], to: 'quarantined', by: [], label: '检测为违规' },
    timed_out: { from: ['pending'], to: 'held', by: [], label: '检测超时' },
    approve: { from: ['held'], to: 'clear', by: DESK_ROLES, label: '审核通过' },
    refuse: { from: ['held'], to: 'quarantined', by: DESK_ROLES, label: '隔离' }
  }
})
export type MediaModerationAction = keyof typeof MEDIA_MODERATION.table

export const VISIBLE_MEDIA: MediaModeration = 'clear'
export const PENDING_MEDIA: MediaModeration = 'pending'
export const HELD_MEDIA: MediaModeration = 'held'
export const QUARANTINED_MEDIA: MediaModeration = 'quarantined'

/** The system action a callback's verdict takes. */
export function mediaActionFor(verdict: Verdict): MediaModerationAction {
  return verdict === 'pass' ? 'checked_pass' : verdict === 'review' ? 'checked_review' : 'checked_risky'
}
