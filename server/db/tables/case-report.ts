import type { Selectable, Insertable, Updateable } from 'kysely'

/** Officer's typical case (典型事例); `case` itself is an SQL keyword. */
export interface CaseReportTable {
  item_id: string
  title: string
  body: string
  occurred_at: Date
  place_address: string | null
  place_lat: number | null
  place_lng: number | null
}
export type CaseReport = Selectable<CaseReportTable>
export type NewCaseReport = Insertable<CaseReportTable>
export type CaseReportUpdate = Updateable<CaseReportTable>
