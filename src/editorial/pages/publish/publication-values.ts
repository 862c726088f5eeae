// The 登记发表 form's values and their checks, before anything is sent: the same rules the
// server holds (RecordPublicationBody, services/publications.ts), said where the person is looking.
import type { Channel, Deduction, Placement } from '../../../../domain/ledger/vocabulary'
import { LIMITS } from '../../../../domain/limits'
import type { RecordPublicationBody } from '../../services/publications-api'

export interface ProofState {
  path: string
  progress: number
  uploading: boolean
  error?: string
  mediaId?: string
}

export interface PublicationValues {
  outletId: string | null
  channel: Channel | null
  placement: Placement | null
  /** YYYY-MM-DD, Beijing. */
  publishedOn: string
  link: string
  proof: ProofState | null
  leaderComment: boolean
  adopted: boolean
  deductions: Deduction[]
}

export type PublicationField = 'outletId' | 'channel' | 'placement' | 'publishedOn' | 'link' | 'proof'
export type PublicationErrors = Partial<Record<PublicationField, string>>

export const emptyPublication = (today: string): PublicationValues => ({
  outletId: null,
  channel: null,
  placement: null,
  publishedOn: today,
  link: '',
  proof: null,
  leaderComment: false,
  adopted: false,
  deductions: []
})

/** The errors to show, or the body to send (with the form's client id, so a retry is one record). */
export function checkPublication(v: PublicationValues, ctx: { draftId: string; today: string; clientId: string; bonuses: boolean }): { errors: PublicationErrors; body: RecordPublicationBody | null } {
  const errors: PublicationErrors = {}
  const link = v.link.trim()
  if (!v.outletId) errors.outletId = '请选择发表媒体'
  if (!v.channel) errors.channel = '请选择发表渠道'
  if (!v.placement) errors.placement = '请选择版面位置'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.publishedOn)) errors.publishedOn = '请选择发表日期'
  else if (v.publishedOn > ctx.today) errors.publishedOn = '发表日期不能晚于今天'
  if (link && !/^https?:\/\//i.test(link)) errors.link = '链接应以 http:// 或 https:// 开头'
  else if (Array.from(link).length > LIMITS.publicationLink) errors.link = `链接不能超过 ${LIMITS.publicationLink} 个字符`
  if (v.proof?.uploading) errors.proof = '截图还在上传，请稍候'
  else if (v.proof && !v.proof.mediaId) errors.proof = '截图没有上传成功，请点「重试」或删除后重选'
  else if (!link && !v.proof) errors.link = '请填写发表链接，或上传截图、扫描件作为发表凭证'
  if (Object.keys(errors).length) return { errors, body: null }
  return {
    errors,
    body: {
      draftId: ctx.draftId,
      outletId: v.outletId!,
      channel: v.channel!,
      placement: v.placement!,
      publishedOn: v.publishedOn,
      ...(link ? { link } : {}),
      ...(v.proof?.mediaId ? { proofMediaId: v.proof.mediaId } : {}),
      ...(ctx.bonuses ? { leaderComment: v.leaderComment, adopted: v.adopted } : {}),
      ...(v.deductions.length ? { deductions: v.deductions } : {}),
      clientId: ctx.clientId
    }
  }
}
