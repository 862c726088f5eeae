// The drafts and 三审 calls (server/routes/api/drafts.ts), typed by the shared schemas.
import type { CaseDraftList, CreateDraftBody, DraftActionBody, DraftDetail, DraftDiff, DraftList, DraftVersionList, DraftVersionView, UpdateDraftBody } from '@/domain'
import { request } from '@/services/api'

export type DraftView = 'mine' | 'review' | 'all'

export const editorialApi = {
  drafts: (view: DraftView) => request<DraftList>('/api/drafts', { query: { view } }),
  draft: (id: string) => request<DraftDetail>(`/api/drafts/${id}`),
  create: (body: CreateDraftBody) => request<DraftDetail>('/api/drafts', { method: 'POST', data: body }),
  save: (id: string, body: UpdateDraftBody) => request<DraftDetail>(`/api/drafts/${id}`, { method: 'PUT', data: body }),
  act: (id: string, body: DraftActionBody) => request<DraftDetail>(`/api/drafts/${id}/actions`, { method: 'POST', data: body }),
  versions: (id: string) => request<DraftVersionList>(`/api/drafts/${id}/versions`),
  version: (id: string, n: number) => request<DraftVersionView>(`/api/drafts/${id}/versions/${n}`),
  diff: (id: string, from: number, to: number) => request<DraftDiff>(`/api/drafts/${id}/diff`, { query: { from, to } }),
  comment: (id: string, body: { version: number; anchor?: string; body: string }) => request<DraftDetail>(`/api/drafts/${id}/comments`, { method: 'POST', data: body }),
  resolveComment: (id: string, commentId: string) => request<DraftDetail>(`/api/drafts/${id}/comments/${commentId}/resolve`, { method: 'POST', data: {} }),
  acknowledge: (id: string, flagId: string, note: string) => request<DraftDetail>(`/api/drafts/${id}/flags/${flagId}/acknowledge`, { method: 'POST', data: { note } }),
  draftsOfCase: (caseId: string) => request<CaseDraftList>(`/api/items/${caseId}/drafts`)
}
