import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { MESSAGE_CATEGORY_LABELS, PRIORITY_LABELS } from '@/domain'
import type { DeskInboxItem } from '@/services/desk-api'
import { BEIJING_OFFSET_MINUTES } from '@/components/format'

dayjs.extend(utc)

export const kindLabel = (kind: DeskInboxItem['kind']) => (kind === 'case' ? '事例' : '留言')

/** A message's category, or a case's title (cases have no category). */
export function headline(item: Pick<DeskInboxItem, 'kind' | 'category' | 'title'>): string {
  if (item.kind === 'case') return item.title || '典型事例'
  return item.category ? MESSAGE_CATEGORY_LABELS[item.category] : '留言'
}

/** Null for normal priority: the column stays quiet unless something stands out. */
export function priorityLabel(priority: number | undefined): string | null {
  if (!priority) return null
  return PRIORITY_LABELS[priority as keyof typeof PRIORITY_LABELS] ?? `优先级 ${priority}`
}

export type DueTone = 'overdue' | 'today' | 'later'

/**
 * When an item is due. The server counts its deadline in Chinese working days (with holidays and
 * 调休) and says so in `due`: 剩 2 个工作日 / 今日到期 / 已超期 1 个工作日. Without that (an older server),
 * the calendar date in Beijing time.
 */
export function dueText(item: Pick<DeskInboxItem, 'dueAt' | 'due'>, now: Date): { text: string; tone: DueTone } | null {
  if (item.due) {
    const tone: DueTone = item.due.state === 'overdue' ? 'overdue' : item.due.state === 'due_today' || item.due.dueSoon ? 'today' : 'later'
    // A count across a year nobody has entered in the calendar may be off: say so rather than be silently wrong.
    return { text: item.due.uncertain ? `${item.due.label}（日历待补）` : item.due.label, tone }
  }
  if (!item.dueAt) return null
  const due = dayjs(item.dueAt).utcOffset(BEIJING_OFFSET_MINUTES)
  const today = dayjs(now).utcOffset(BEIJING_OFFSET_MINUTES)
  if (due.isBefore(today)) return { text: `已超期（${due.format('MM-DD')}）`, tone: 'overdue' }
  if (due.format('YYYY-MM-DD') === today.format('YYYY-MM-DD')) return { text: '今日到期', tone: 'today' }
  return { text: `${due.format('MM-DD')} 到期`, tone: 'later' }
}
