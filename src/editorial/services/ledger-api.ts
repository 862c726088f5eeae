// The ledger's read side for the 进度看板 (server/routes/api/ledger.ts): dashboard, summary, the
// admin's shortfall warnings. Types only from domain/schemas: typebox must never enter the bundle.
import type { DashboardView, SummaryView } from '../../../domain/schemas/ledger'
import { request } from '@/services/api'

export type { DashboardView, SummaryView }
export interface ShortfallResult {
  departmentsBehind: number
  notified: number
}

/** The two workbooks the server streams (GET, attachment); download.ts fetches them with the token. */
export const exportPaths = {
  annual: (year: number) => ({ path: '/api/ledger/export/annual', query: { year }, fileName: `${year}年度考核表.xlsx` }),
  monthly: (year: number, month: number) => ({ path: '/api/ledger/export/monthly', query: { year, month }, fileName: `${year}年${month}月报表.xlsx` })
}
export type ExportRequest = ReturnType<typeof exportPaths.annual>

export const ledgerApi = {
  dashboard: (year: number) => request<DashboardView>('/api/ledger/dashboard', { query: { year } }),
  /** month null: the whole year. */
  summary: (year: number, month: number | null) => request<SummaryView>('/api/ledger/summary', { query: { year, month } }),
  /** The server does not warn a department twice on one day, so a repeated tap is harmless. */
  warnShortfalls: (year: number) => request<ShortfallResult>('/api/admin/ledger/shortfall-warnings', { method: 'POST', query: { year }, retry: true })
}
