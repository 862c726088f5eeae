import type { Generated, Selectable, Insertable } from 'kysely'

export interface OrgTable {
  id: Generated<string>
  name: string
  created_at: Generated<Date>
}
export type Org = Selectable<OrgTable>
export type NewOrg = Insertable<OrgTable>
