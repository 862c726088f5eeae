import type { Generated, Selectable, Insertable, Updateable } from 'kysely'

/** A focus topic (重点主题) of one year; unique per bureau, year and name. */
export interface TopicTable {
  id: Generated<string>
  org_id: string
  year: number
  name: string
  active: Generated<boolean>
  created_at: Generated<Date>
}
export type Topic = Selectable<TopicTable>
export type NewTopic = Insertable<TopicTable>
export type TopicUpdate = Updateable<TopicTable>
