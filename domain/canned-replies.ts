import { messageMachine, type MessageAction } from './message/state-machine'
import { beijingDay } from './deadlines/day'

/**
 * Canned replies (答复模板): an admin writes a template once with placeholders, and a staff
 * member picking it gets the text filled for the item at hand. Pure, shared by the app (fill
 * and preview) and the server (checks templates on save).
 */

/** What a template can be filled with; null when the item does not say (a case has no 留言码). */
export interface CannedContext {
  /** How the author is addressed: their name. */
  salutation: string | null
  trackingCode: string | null
  /** The day of the reply, already written as people read it (2026年12月4日). */
  date: string
  departmentName: string | null
  /** Who answers: the assignee, else the staff member replying. */
  handlerName: string | null
}

export interface CannedPlaceholder {
  /** What stands in the template, braces included. */
  token: string
  key: keyof CannedContext
  /** The button's label in the template editor. */
  label: string
  /** What stands in when the item has no value, so a reply never shows an empty gap. */
  fallback: string
  /** Shown in the editor's preview. */
  sample: string
}

export const CANNED_PLACEHOLDERS: readonly CannedPlaceholder[] = [
  { token: '{称呼}', key: 'salutation', label: '留言人称呼', fallback: '留言人', sample: '张先生' },
  { token: '{留言码}', key: 'trackingCode', label: '留言码', fallback: '', sample: 'K7M3Q9' },
  { token: '{日期}', key: 'date', label: '日期', fallback: '', sample: '2026年12月4日' },
  { token: '{部门}', key: 'departmentName', label: '承办部门', fallback: '本局', sample: '城关市场监管所' },
  { token: '{经办人}', key: 'handlerName', label: '经办人', fallback: '工作人员', sample: '王五' }
]

const TOKEN = /\{([^{}\s]{1,10})\}/gu

/** Fills every known placeholder; unknown `{…}` text is left as written. */
export function renderCannedReply(body: string, ctx: CannedContext): string {
  return body.replace(TOKEN, (whole) => {
    const p = CANNED_PLACEHOLDERS.find((x) => x.token === whole)
    if (!p) return whole
    const value = ctx[p.key]
    return value === null || value.trim() === '' ? p.fallback : value
  })
}

/** `{…}` tokens in a template that are no placeholder (a typo like {称谓}), for the editor and the server. */
export function unknownPlaceholders(body: string): string[] {
  const known = new Set(CANNED_PLACEHOLDERS.map((p) => p.token))
  return [...new Set([...body.matchAll(TOKEN)].map((m) => m[0]).filter((t) => !known.has(t)))]
}

/** A day as people write it: 2026年12月4日 (Beijing time). */
export function chineseDate(at: Date): string {
  const [y, m, d] = beijingDay(at).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** What the editor's preview fills a template with. */
export const SAMPLE_CANNED_CONTEXT: CannedContext = Object.fromEntries(CANNED_PLACEHOLDERS.map((p) => [p.key, p.sample])) as unknown as CannedContext

/** The fields of an item's detail (GET /api/items/:id) a template reads. */
export interface CannedItemFields {
  authorName: string | null
  trackingCode: string | null
  departmentName: string | null
  assignee?: { name: string } | null
}

export function cannedContextOf(item: CannedItemFields, now: Date, replierName: string | null): CannedContext {
  return {
    salutation: item.authorName,
    trackingCode: item.trackingCode,
    date: chineseDate(now),
    departmentName: item.departmentName,
    handlerName: item.assignee?.name ?? replierName
  }
}

/** Message actions that take a reply body: the ones a template may be sent with. Read from the table. */
export const CANNED_REPLY_ACTIONS: readonly MessageAction[] = messageMachine.actions.filter((a) => messageMachine.table[a].inputs?.body !== undefined)
export type CannedReplyAction = MessageAction
