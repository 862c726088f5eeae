// The admin's calls for the publication ledger (发表台账): outlets, scoring rules, targets.
// Apart from admin-api.ts so the ledger sections grow without touching the older sections' client.
// Types only from domain/schemas: typebox must never enter the bundle.
import type {
  CreateOutletBody,
  OutletView,
  RecalculationView,
  RulesBody,
  RulesView,
  TargetEntry,
  TargetList,
  TargetView,
  UpdateOutletBody
} from '../../../domain/schemas/ledger'
import { request } from '@/services/api'

export type { OutletView, RecalculationView, RulesBody, RulesView, TargetEntry, TargetList, TargetView }

export const ledgerAdminApi = {
  /** Every outlet, the deactivated ones too: the admin is the one who may switch them back on. */
  outlets: async () => (await request<{ outlets: OutletView[] }>('/api/ledger/outlets', { query: { includeInactive: true } })).outlets,
  createOutlet: (body: CreateOutletBody) => request<OutletView>('/api/admin/outlets', { method: 'POST', data: body }),
  updateOutlet: (id: string, body: UpdateOutletBody) => request<OutletView>(`/api/admin/outlets/${id}`, { method: 'PUT', data: body }),

  rules: (year: number) => request<RulesView>(`/api/admin/scoring-rules/${year}`),
  putRules: (year: number, body: RulesBody) => request<RulesView>(`/api/admin/scoring-rules/${year}`, { method: 'PUT', data: body }),
  recalculate: (year: number) => request<RecalculationView>(`/api/admin/scoring-rules/${year}/recalculate`, { method: 'POST' }),

  targets: (year: number) => request<TargetList>('/api/ledger/targets', { query: { year } }),
  putTargets: (year: number, targets: TargetEntry[]) => request<TargetList>(`/api/admin/targets/${year}`, { method: 'PUT', data: { targets } })
}
