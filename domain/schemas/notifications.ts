import { Type, type Static } from 'typebox'
import { DateTime } from './formats'
import { NOTIFICATION_KINDS } from '../notifications'
import { Id, literalUnion } from './common'
import { ItemKind } from './item'

export const NotificationView = Type.Object({
  id: Id,
  kind: literalUnion(NOTIFICATION_KINDS),
  /** 分派给我 / 提到我 / 即将到期 / 已超期 */
  kindLabel: Type.String(),
  /** The inbox item it is about; null when it is about something else (`subject`) or nothing. */
  itemId: Type.Union([Id, Type.Null()]),
  itemKind: Type.Union([ItemKind, Type.Null()]),
  /** What else it is about (a draft …), for the app to open. */
  subject: Type.Union([Type.Object({ type: Type.String(), id: Id }), Type.Null()]),
  /** Title of a case or the start of a message, to recognise the item; empty when there is none. */
  excerpt: Type.String(),
  body: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime(),
  readAt: Type.Union([DateTime(), Type.Null()])
})
export type NotificationView = Static<typeof NotificationView>

export const NotificationQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ title: '只看未读' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30, title: '条数' }))
  },
  { additionalProperties: false }
)
export type NotificationQuery = Static<typeof NotificationQuery>

export const NotificationPage = Type.Object({ items: Type.Array(NotificationView), unreadCount: Type.Integer() })
export type NotificationPage = Static<typeof NotificationPage>

export const ReadAllResult = Type.Object({ updated: Type.Integer() })
export const UnreadCount = Type.Object({ unreadCount: Type.Integer() })
