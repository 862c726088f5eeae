import type { Generated, Selectable, Insertable } from 'kysely'

export interface DepartmentTable {
  id: Generated<string>
  org_id: string
  name: string
  created_at: Generated<Date>
}
export type Department = Selectable<DepartmentTable>
export type NewDepartment = Insertable<DepartmentTable>
