// Checks the admin forms make before sending, with the limits the server applies (domain/limits.ts),
// so a form says what is wrong in place instead of waiting for a 400.
import { LIMITS, REPLY_BODY_MAX } from '../../domain/limits'
import { unknownPlaceholders } from '../../domain/canned-replies'

const chars = (s: string) => [...s].length

/** Null when fine, else what to fix. */
export function checkName(value: string, label: string, max: number): string | null {
  const v = value.trim()
  if (!v) return `请填写${label}`
  if (chars(v) > max) return `${label}最多 ${max} 个字`
  if (/[\t\n\r]/.test(v)) return `${label}不能换行`
  return null
}

export const checkDepartmentName = (v: string) => checkName(v, '部门名称', LIMITS.departmentName)
export const checkTopicName = (v: string) => checkName(v, '主题名称', LIMITS.topic)

export function checkCannedReply(title: string, body: string): { title?: string; body?: string } {
  const errors: { title?: string; body?: string } = {}
  const t = checkName(title, '模板名称', LIMITS.cannedTitle)
  if (t) errors.title = t
  if (!body.trim()) errors.body = '请填写模板内容'
  else if (chars(body) > REPLY_BODY_MAX) errors.body = `模板内容最多 ${REPLY_BODY_MAX} 个字`
  else {
    const unknown = unknownPlaceholders(body)
    if (unknown.length) errors.body = `${unknown.join('、')} 不是可用的占位符，请用上面的按钮插入`
  }
  return errors
}

export interface CalendarEntry {
  date: string
  name: string
}

/**
 * One day per line, `2027-01-01 元旦`, as the State Council notice lists them. Returns the days
 * or the first line that is wrong (with its number), all days within `year`.
 */
export function parseCalendarLines(text: string, year: number): { days: CalendarEntry[] } | { error: string } {
  const days: CalendarEntry[] = []
  const seen = new Set<string>()
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (!line) continue
    const m = /^(\d{4})-(\d{2})-(\d{2})\s+(\S.{0,29})$/u.exec(line)
    if (!m) return { error: `第 ${i + 1} 行应写成“${year}-01-01 元旦”：日期、空格、名称（最多 30 字）` }
    const [, y, mo, d, name] = m
    const date = `${y}-${mo}-${d}`
    const parsed = new Date(`${date}T00:00:00Z`)
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return { error: `第 ${i + 1} 行的日期 ${date} 不存在` }
    if (Number(y) !== year) return { error: `第 ${i + 1} 行的日期 ${date} 不在 ${year} 年` }
    if (seen.has(date)) return { error: `第 ${i + 1} 行的日期 ${date} 重复了` }
    seen.add(date)
    days.push({ date, name: name!.trim() })
  }
  return { days }
}

export const calendarLines = (days: readonly CalendarEntry[]) => days.map((d) => `${d.date} ${d.name}`).join('\n')

/** Working days as typed: empty switches the deadline off (null); otherwise 1–365. */
export function parseWorkingDays(value: string): { value: number | null } | { error: string } {
  const v = value.trim()
  if (!v) return { value: null }
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 365) return { error: '请填写 1 到 365 之间的整数，留空为不设时限' }
  return { value: Number(v) }
}
