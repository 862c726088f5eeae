// The publication ledger's calls for writers (登记发表, 发表台账). Types only from domain/schemas:
// typebox must never enter the bundle.
import type { OutletView, PublicationView, RecordPublicationBody } from '../../../domain/schemas/ledger'
import { request } from '@/services/api'

export type { OutletView, PublicationView, RecordPublicationBody }

export interface PublicationFilter {
  year?: number
  month?: number
  draftId?: string
}

export const publicationsApi = {
  /** The active outlets only: a deactivated one can no longer be chosen. */
  outlets: async () => (await request<{ outlets: OutletView[] }>('/api/ledger/outlets')).outlets,
  list: async (filter: PublicationFilter) => (await request<{ publications: PublicationView[] }>('/api/publications', { query: { ...filter } })).publications,
  /** Idempotent on body.clientId: a retry returns the first record. */
  record: (body: RecordPublicationBody) => request<PublicationView>('/api/publications', { method: 'POST', data: body })
}
