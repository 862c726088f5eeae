import type { Generated, Selectable, Insertable } from 'kysely'
import type { NotificationKind } from '../../../domain/notifications'

/** In-app notification (the bell): assigned to me, mentioned, due soon, overdue. */
export interface NotificationTable {
  id: Generated<string>
  org_id: string
  user_id: string
  kind: NotificationKind
  /** The inbox item it is about, if it is about one. */
  item_id: string | null
  /** Anything else it is about (a draft …): the app knows how to open each type. */
  subject_type: string | null
  subject_id: string | null
  actor_id: string | null
  body: string | null
  dedupe_key: string
  read_at: Date | null
  created_at: Generated<Date>
}
export type NotificationRow = Selectable<NotificationTable>
export type NewNotification = Insertable<NotificationTable>
