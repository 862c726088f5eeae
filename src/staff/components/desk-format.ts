import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { MESSAGE_CATEGORY_LABELS } from '@/domain'
import type { DeskInboxItem } from '@/services/desk-api'

dayjs.extend(utc)
const BEIJING = 8 * 60

export const kindLabel = (kind: DeskInboxItem['kind']) => (kind === 'case' ? '事例' : '留言')

/** A message's category, or a case's title (cases have no category). */
export function headline(item: Pick<DeskInboxItem, 'kind' | 'category' | 'title'>): string {
  if (item.kind === 'case') return item.title || '典型事例'
  return item.category ? MESSAGE_CATEGORY_LABELS[item.category] : '留言'
}

/** The inbox's priorities are 0 (normal) to 2 (GET /api/inbox's `priority` filter). */
const PRIORITY_LABELS: Record<number, string> = { 1: '较急', 2: '紧急' }

/** Null for normal priority: the column stays quiet unless something stands out. */
export function priorityLabel(priority: number | undefined): string | null {
  if (!priority) return null
  return PRIORITY_LABELS[priority] ?? `优先级 ${priority}`
}

export type DueTone = 'overdue' | 'today' | 'later'

/**
 * When an item is due, in calendar days of Beijing time. The working-day wording
 * (剩 2 个工作日) belongs to the deadlines engine; until it lands the desk says the date.
 */
export function dueText(dueAt: string | null | undefined, now: Date): { text: string; tone: DueTone } | null {
  if (!dueAt) return null
  const due = dayjs(dueAt).utcOffset(BEIJING)
  const today = dayjs(now).utcOffset(BEIJING)
  if (due.isBefore(today)) return { text: `已超期（${due.format('MM-DD')}）`, tone: 'overdue' }
  if (due.format('YYYY-MM-DD') === today.format('YYYY-MM-DD')) return { text: '今日到期', tone: 'today' }
  return { text: `${due.format('MM-DD')} 到期`, tone: 'later' }
}
