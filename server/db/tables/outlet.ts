import type { Generated, Selectable, Insertable } from 'kysely'
import type { OutletLevel } from '../../../domain/ledger/vocabulary'

/** A newspaper, station, website, bulletin or account the bureau publishes in, with its level. */
export interface OutletTable {
  id: Generated<string>
  org_id: string
  name: string
  level: OutletLevel
  active: Generated<boolean>
  created_at: Generated<Date>
}
export type Outlet = Selectable<OutletTable>
export type NewOutlet = Insertable<OutletTable>
