import { Type, type Static } from 'typebox'
import { ITEM_MODERATIONS, ITEM_MODERATION_ACTIONS } from '../moderation/item'
import { MEDIA_MODERATIONS } from '../moderation/media'
import { DateTime } from './formats'
import { Id, literalUnion } from './common'
import { ItemKind } from './item'

export const ItemModerationSchema = literalUnion(ITEM_MODERATIONS, { title: '内容审核状态' })
export const MediaModerationSchema = literalUnion(MEDIA_MODERATIONS, { title: '图片审核状态' })
export const ModerationActionSchema = literalUnion(ITEM_MODERATION_ACTIONS, { title: '审核决定' })

export const ModerationDecisionBody = Type.Object({ action: ModerationActionSchema }, { additionalProperties: false })
export type ModerationDecisionBody = Static<typeof ModerationDecisionBody>

export const HeldItemView = Type.Object({
  id: Id,
  kind: ItemKind,
  /** The text held, whole: staff must read it to decide. */
  title: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  authorName: Type.Union([Type.String(), Type.Null()]),
  /** Which part the check held and why (WeChat's label or the word list). */
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime()
})
export type HeldItemView = Static<typeof HeldItemView>

export const HeldMediaView = Type.Object({
  id: Id,
  moderation: MediaModerationSchema,
  /** Signed thumbnail link for a held image; null for a quarantined one (已隔离: nobody sees it). */
  thumbUrl: Type.Union([Type.String(), Type.Null()]),
  itemId: Type.Union([Id, Type.Null()]),
  label: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime()
})
export type HeldMediaView = Static<typeof HeldMediaView>

export const ModerationQueue = Type.Object({ items: Type.Array(HeldItemView), media: Type.Array(HeldMediaView) })
export type ModerationQueue = Static<typeof ModerationQueue>

export const ItemModerationResult = Type.Object({ id: Id, moderation: ItemModerationSchema })
export const MediaModerationResult = Type.Object({ id: Id, moderation: MediaModerationSchema })
