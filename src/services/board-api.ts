// The public board (选登): the citizen pages read it without a sign-in; the desk proposes,
// corrects and reviews. Imported by subpackage pages only (never by the main package).
import type {
  BoardPreview,
  BoardProposalList,
  BoardProposalView,
  EditBoardBody,
  ProposeBoardBody,
  PublicBoardEntry,
  PublicBoardList,
  PublicBoardQuery
} from '../../domain/schemas/board'
import type { BoardStatus } from '../../domain/board/state-machine'
import { request } from './api'

export type { BoardPreview, BoardProposalView, PublicBoardEntry, PublicBoardList, PublicBoardQuery }

export const boardApi = {
  /** Anonymous on purpose: the board is public, and a reader's sign-in must not matter to it. */
  list: (query: PublicBoardQuery) => request<PublicBoardList>('/api/board', { query: { ...query }, anonymous: true }),
  entry: (id: string) => request<PublicBoardEntry>(`/api/board/${encodeURIComponent(id)}`, { anonymous: true }),

  preview: (itemId: string) => request<BoardPreview>(`/api/items/${encodeURIComponent(itemId)}/board-preview`),
  propose: (itemId: string, body: ProposeBoardBody) => request<BoardProposalView>(`/api/items/${encodeURIComponent(itemId)}/board-proposal`, { method: 'POST', data: body }),
  proposals: (status?: BoardStatus, cursor?: string) => request<BoardProposalList>('/api/board/proposals', { query: { status, cursor } }),
  proposal: (id: string) => request<BoardProposalView>(`/api/board/proposals/${encodeURIComponent(id)}`),
  edit: (id: string, body: EditBoardBody) => request<BoardProposalView>(`/api/board/proposals/${encodeURIComponent(id)}`, { method: 'PUT', data: body }),
  approve: (id: string, version: number) => request<BoardProposalView>(`/api/board/proposals/${encodeURIComponent(id)}/approve`, { method: 'POST', data: { version } }),
  decline: (id: string, reason: string) => request<BoardProposalView>(`/api/board/proposals/${encodeURIComponent(id)}/decline`, { method: 'POST', data: { reason } }),
  withdraw: (id: string, reason: string) => request<BoardProposalView>(`/api/board/proposals/${encodeURIComponent(id)}/withdraw`, { method: 'POST', data: { reason } })
}
