import type { DbOrTx } from '../db/database'
import type { Item } from '../db/tables/item'
import { createCalendar, type WorkCalendar, type YearSource } from '../../domain/deadlines/calendar'
import { BUILTIN_YEARS } from '../../domain/deadlines/builtin'
import { addWorkingDays } from '../../domain/deadlines/working-days'
import { beijingDay, endOfBeijingDay } from '../../domain/deadlines/day'
import { DEFAULT_DEADLINE_RULES, ruleKeyString, type ClockStart, type DeadlineRuleKey, type RuleCategory } from '../../domain/deadlines/rules'
import type { MessageCategory } from '../../domain/message/categories'
import type { DeadlineRuleView } from '../../domain/schemas/deadlines'
import { loadAdminYears } from '../repositories/calendar'
import { listRuleRows } from '../repositories/deadline-rules'
import { cachedCalendar } from './calendar-cache'

/**
 * The bureau's working-day calendar: built-in years, replaced by whatever years its admin entered
 * (kept between requests where the process hears changes: services/calendar-cache.ts).
 */
export function orgCalendar(db: DbOrTx, orgId: string): Promise<WorkCalendar> {
  return cachedCalendar(db, orgId, async () => createCalendar(BUILTIN_YEARS, await loadAdminYears(db, orgId)))
}

/** Defaults merged with the admin's changes; admin-only keys (no default) are listed too. */
export async function effectiveRules(db: DbOrTx, orgId: string): Promise<DeadlineRuleView[]> {
  const rows = new Map((await listRuleRows(db, orgId)).map((r) => [ruleKeyString({ kind: r.kind, category: r.category, clockStart: r.clock_start }), r]))
  const out: DeadlineRuleView[] = []
  for (const d of DEFAULT_DEADLINE_RULES) {
    const row = rows.get(ruleKeyString(d))
    rows.delete(ruleKeyString(d))
    out.push({
      kind: d.kind,
      category: d.category,
      clockStart: d.clockStart,
      workingDays: row ? row.working_days : d.workingDays,
      source: row ? 'admin' : 'default',
      defaultWorkingDays: d.workingDays,
      purpose: d.purpose,
      basis: d.basis,
      updatedAt: row?.updated_at.toISOString() ?? null
    })
  }
  for (const r of rows.values()) {
    out.push({
      kind: r.kind,
      category: r.category,
      clockStart: r.clock_start,
      workingDays: r.working_days,
      source: 'admin',
      defaultWorkingDays: null,
      purpose: null,
      basis: null,
      updatedAt: r.updated_at.toISOString()
    })
  }
  return out
}

/** The rule for a key: the category's own, else the kind-wide `*` rule. Null: no deadline. */
function pick(rules: DeadlineRuleView[], key: DeadlineRuleKey): number | null {
  const find = (category: RuleCategory) => rules.find((r) => r.kind === key.kind && r.category === category && r.clockStart === key.clockStart)
  const own = find(key.category)
  if (own) return own.workingDays
  return find('*')?.workingDays ?? null
}

export interface DueAt {
  dueAt: Date
  workingDays: number
  /** Years the count crossed whose holidays nobody has entered (counted Monday–Friday). */
  uncoveredYears: number[]
}

/**
 * When an item is due if its clock starts `at` (on creation, or on acceptance): the end of the
 * n-th working day after that day, Beijing time. Null when no rule applies to that clock start.
 */
export async function dueAtFor(
  tx: DbOrTx,
  orgId: string,
  kind: Item['kind'],
  category: MessageCategory | null,
  at: Date,
  clockStart: ClockStart
): Promise<DueAt | null> {
  const workingDays = pick(await effectiveRules(tx, orgId), { kind, category: category ?? '*', clockStart })
  if (workingDays === null) return null
  const counted = addWorkingDays(await orgCalendar(tx, orgId), beijingDay(at), workingDays)
  return { dueAt: endOfBeijingDay(counted.value), workingDays, uncoveredYears: counted.uncoveredYears }
}

/**
 * On acceptance an 'accepted' rule takes over from the 'created' one (a complaint: decide in 7,
 * then mediate within 45); without one the item keeps the deadline it has. Undefined: no change.
 */
export async function dueAtOnAccept(tx: DbOrTx, item: Pick<Item, 'id' | 'org_id' | 'kind'>, at: Date): Promise<Date | undefined> {
  const category =
    item.kind === 'message' ? ((await tx.selectFrom('message').select('category').where('item_id', '=', item.id).executeTakeFirst())?.category ?? null) : null
  const due = await dueAtFor(tx, item.org_id, item.kind, category, at, 'accepted')
  return due?.dueAt
}

export interface YearStatus {
  year: number
  source: YearSource
  covered: boolean
}

/** From this month on the coming year's holidays matter: 45 working days reach into January. */
const COMING_YEAR_FROM_MONTH = 10

/** Which of this year and (late in the year) the coming one the calendar lacks. */
export async function calendarStatus(db: DbOrTx, orgId: string, now: Date) {
  const calendar = await orgCalendar(db, orgId)
  const today = beijingDay(now)
  const year = Number(today.slice(0, 4))
  const years: YearStatus[] = [year, year + 1].map((y) => {
    const source = calendar.sourceOf(y)
    return { year: y, source, covered: source !== 'missing' }
  })
  const relevant = Number(today.slice(5, 7)) >= COMING_YEAR_FROM_MONTH ? years : years.slice(0, 1)
  const missingYears = relevant.filter((y) => !y.covered).map((y) => y.year)
  const warning = missingYears.length
    ? `${missingYears.join('、')} 年的节假日和调休安排尚未录入，截止日期暂按周一至周五计算，可能不准。请管理员按国务院办公厅的放假通知在「节假日日历」中录入。`
    : null
  return { today, years, missingYears, warning }
}
