import type { Db } from '../db/database'
import { InvalidError } from '../../domain/errors'
import { TOPIC_YEAR_MAX, TOPIC_YEAR_MIN } from '../../domain/schemas/admin'
import { beijingDay, yearOf } from '../../domain/deadlines/day'
import { LEDGER_TYPES, LEDGER_TYPE_LABELS, OUTLET_LEVELS, OUTLET_LEVEL_LABELS, type LedgerType } from '../../domain/ledger/vocabulary'
import { lastDayOfYear, pace } from '../../domain/ledger/pace'
import type { DashboardView, DepartmentProgress, SummaryView } from '../../domain/schemas/ledger'
import { listTopics } from '../repositories/admin'
import { dashboardAggregates, frontLineQuery, byTypeQuery, byTopicQuery, type Window } from '../repositories/ledger-dashboard'
import { targetList } from './ledger-admin'

const cents = (c: number) => Math.round(c) / 100
const round2 = (n: number) => Math.round(n * 100) / 100
type Tally = { count: number; points: number }
const emptyByType = (): Record<LedgerType, Tally> => ({ news: { count: 0, points: 0 }, information: { count: 0, points: 0 }, research: { count: 0, points: 0 } })

/** The window a dashboard covers: 1 January to `asOf` (today in Beijing by default), within the year. */
export function dashboardWindow(orgId: string, year: number | undefined, asOf: string | undefined, now = new Date()): Window & { asOf: string } {
  const today = asOf ?? beijingDay(now)
  const y = year ?? yearOf(today)
  if (y < TOPIC_YEAR_MIN || y > TOPIC_YEAR_MAX) throw new InvalidError(`年度须在 ${TOPIC_YEAR_MIN}—${TOPIC_YEAR_MAX} 之间，请指定 year 或调整截至日期`, 'asOf')
  const end = lastDayOfYear(y)
  const to = today < end ? today : end
  return { orgId, year: y, from: `${y}-01-01`, to: to < `${y}-01-01` ? `${y}-01-01` : to, asOf: today }
}

/**
 * The progress dashboard: totals, the bureau's pace against its yearly targets, per month,
 * outlet level, focus topic and department (pace per type with a target, behind or not), and a
 * ranking of departments by points then count. Counts are credited by share.
 */
export async function dashboard(db: Db, orgId: string, q: { year?: number; asOf?: string }, now = new Date()): Promise<DashboardView> {
  const w = dashboardWindow(orgId, q.year, q.asOf, now)
  const agg = await dashboardAggregates(db, w)
  const targets = targetList(w.year, agg.targets)
  const departments = agg.departmentList
  const planned = agg.planned
  // Pace is judged on the asOf day (a year that is over: on its last day).
  const judgedOn = w.asOf
  const byType = emptyByType()
  for (const r of agg.types) byType[r.type] = { count: r.count, points: cents(r.cents) }
  const totals = { count: agg.types.reduce((a, r) => a + r.count, 0), points: cents(agg.types.reduce((a, r) => a + r.cents, 0)), byType }

  const bureauTargets = targets.targets.filter((t) => t.departmentId === null)
  const bureau = LEDGER_TYPES.map((type) => ({
    type,
    label: LEDGER_TYPE_LABELS[type],
    pace: pace(byType[type].count, bureauTargets.find((t) => t.type === type)?.count ?? 0, w.year, judgedOn)
  }))

  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: 0, points: 0, byType: emptyByType() }))
  for (const r of agg.months) {
    const m = months[r.month - 1]!
    m.count += r.count
    m.points = round2(m.points + cents(r.cents))
    m.byType[r.type] = { count: r.count, points: cents(r.cents) }
  }

  const levels = OUTLET_LEVELS.map((level) => {
    const r = agg.levels.find((l) => l.level === level)
    return { level, label: OUTLET_LEVEL_LABELS[level], count: r?.count ?? 0, points: cents(r?.cents ?? 0) }
  })

  const plannedNames = new Set(planned.filter((t) => t.active).map((t) => t.name))
  const topics = agg.topics.map((t) => ({ topic: t.topic, count: t.count, points: cents(t.cents), planned: plannedNames.has(t.topic) }))
  for (const name of plannedNames) if (!topics.some((t) => t.topic === name)) topics.push({ topic: name, count: 0, points: 0, planned: true })
  topics.sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic, 'zh'))

  const deptTargets = targets.targets.filter((t) => t.departmentId !== null)
  const progress: DepartmentProgress[] = departments.map((d) => {
    const rows = agg.departments.filter((r) => r.department_id === d.id)
    const dByType = emptyByType()
    for (const r of rows) dByType[r.type] = { count: r.share_bp / 10000, points: cents(r.cents) }
    const paces = deptTargets
      .filter((t) => t.departmentId === d.id)
      .map((t) => ({ type: t.type, count: pace(dByType[t.type].count, t.count, w.year, judgedOn), points: t.points === null ? null : pace(dByType[t.type].points, t.points, w.year, judgedOn) }))
    return {
      departmentId: d.id,
      name: d.name,
      count: round2(rows.reduce((a, r) => a + r.share_bp, 0) / 10000),
      points: cents(rows.reduce((a, r) => a + r.cents, 0)),
      byType: dByType,
      pace: paces,
      behind: paces.some((p) => p.count.behind || p.points?.behind === true),
      rank: 0
    }
  })
  progress.sort((a, b) => b.points - a.points || b.count - a.count || a.name.localeCompare(b.name, 'zh'))
  // Equal points and count share a rank (1, 2, 2, 4).
  progress.forEach((p, i) => {
    const prev = progress[i - 1]
    p.rank = prev && prev.points === p.points && prev.count === p.count ? prev.rank : i + 1
  })
  return { year: w.year, asOf: w.asOf, totals, bureau, months, levels, topics, departments: progress }
}

/**
 * Effect evaluation (定期总结分析) of a month or a whole year: counts and points, the share of
 * front-line material (pieces built from officers' cases), the year's focus topics covered and
 * missed, and the average days from a case's submission to publication.
 */
export async function summary(db: Db, orgId: string, q: { year?: number; month?: number }, now = new Date()): Promise<SummaryView> {
  const year = q.year ?? yearOf(beijingDay(now))
  const month = q.month ?? null
  const from = month ? `${year}-${String(month).padStart(2, '0')}-01` : `${year}-01-01`
  const to = month ? new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10) : lastDayOfYear(year)
  const w: Window = { orgId, year, from, to }
  const [types, topics, front, planned] = await Promise.all([byTypeQuery(db, w).execute(), byTopicQuery(db, w).execute(), frontLineQuery(db, w).executeTakeFirstOrThrow(), listTopics(db, orgId, year)])
  const byType = emptyByType()
  for (const r of types) byType[r.type] = { count: r.count, points: cents(r.cents) }
  const count = types.reduce((a, r) => a + r.count, 0)
  const covered = new Set(topics.map((t) => t.topic))
  return {
    year,
    month,
    from,
    to,
    count,
    points: cents(types.reduce((a, r) => a + r.cents, 0)),
    byType,
    frontLine: { count: front.front_line, share: count ? round2(front.front_line / count) : 0 },
    topicsCovered: topics.map((t) => ({ topic: t.topic, count: t.count })).sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic, 'zh')),
    topicsMissed: planned.filter((t) => t.active && !covered.has(t.name)).map((t) => t.name),
    avgDaysCaseToPublication: front.avg_days === null ? null : Math.round(front.avg_days * 10) / 10
  }
}
