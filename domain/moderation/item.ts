import { DESK_ROLES } from '../desk'
import { defineModeration } from './table'
import type { Verdict } from './verdict'

/**
 * Whether a submitted text may be shown (issue 8, content security). Every item starts from
 * its content check: pass → clear, review → held. A held item is seen only by its author (as
 * 审核中) and in the staff moderation queue, until staff approve it (clear: it appears in the
 * inbox as usual) or refuse it (rejected: the author is told, nobody else ever sees it).
 */
export const ITEM_MODERATIONS = ['clear', 'held', 'rejected'] as const
export type ItemModeration = (typeof ITEM_MODERATIONS)[number]

export const ITEM_MODERATION = defineModeration<ItemModeration, 'approve' | 'refuse'>({
  states: ITEM_MODERATIONS,
  labels: { clear: '已通过', held: '审核中', rejected: '未通过审核' },
  table: {
    approve: { from: ['held'], to: 'clear', by: DESK_ROLES, label: '审核通过' },
    refuse: { from: ['held'], to: 'rejected', by: DESK_ROLES, label: '审核不通过' }
  }
})
export type ItemModerationAction = keyof typeof ITEM_MODERATION.table
export const ITEM_MODERATION_ACTIONS = Object.keys(ITEM_MODERATION.table) as ItemModerationAction[]

/** The only state shown beyond the author and the queue. */
export const VISIBLE_ITEM: ItemModeration = 'clear'
/** Where the queue looks. */
export const HELD_ITEM: ItemModeration = 'held'

/** Where a new or edited text starts, by its check's verdict (risky is refused before anything is stored). */
export function itemModerationFor(verdict: Exclude<Verdict, 'risky'>): ItemModeration {
  return verdict === 'pass' ? 'clear' : 'held'
}

/** What the author reads beside a held or refused submission (我的留言, 我的事例, after submitting). */
export const AUTHOR_MODERATION_NOTES: Readonly<Record<Exclude<ItemModeration, 'clear'>, string>> = {
  held: '审核中：内容需经工作人员审核后才会受理，审核前只有您本人能看到',
  rejected: '未通过审核：内容不宜发布，不会受理。如仍需反映，请修改后重新提交'
}
export function authorModerationNote(moderation: ItemModeration | undefined): string | null {
  if (!moderation || moderation === VISIBLE_ITEM) return null
  return AUTHOR_MODERATION_NOTES[moderation as Exclude<ItemModeration, 'clear'>]
}
