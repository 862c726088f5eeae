// Checks the ledger's admin forms make before sending, with the limits the server applies
// (domain/ledger/rules.ts, domain/schemas/ledger.ts), so a wrong cell is named in place.
import { LIMITS } from '../../domain/limits'
import { RULE_POINTS_MAX, round2 } from '../../domain/ledger/rules'
import { BONUSES, DEDUCTIONS, LEDGER_TYPES, OUTLET_LEVELS, PLACEMENTS, type LedgerType } from '../../domain/ledger/vocabulary'
import { BUREAU_DEFAULT_TARGETS } from '../../domain/ledger/pace'
import type { RulesBody, TargetEntry, TargetView } from '../../domain/schemas/ledger'
import { checkName } from './forms'

export const checkOutletName = (v: string) => checkName(v, '媒体名称', LIMITS.outletName)

/** The largest points target the server takes (TargetEntry.points). */
export const TARGET_POINTS_MAX = 1_000_000

const DECIMAL = /^\d+(\.\d{1,2})?$/

/** Points as typed: a number ≥ 0 with at most 2 decimals, up to `max`. */
export function parsePoints(value: string, max: number): { value: number } | { error: string } {
  const v = value.trim()
  if (!v) return { error: '请填写分值' }
  if (!DECIMAL.test(v)) return { error: '请填写不小于 0、最多两位小数的数' }
  const n = Number(v)
  if (n > max) return { error: `最多 ${max} 分` }
  return { value: n }
}

// ---- scoring rules: one text field per cell, keyed by where it sits in RulesBody

export const cellKey = (type: string, level: string, placement: string) => `points.${type}.${level}.${placement}`
export const bonusKey = (b: string) => `bonuses.${b}`
export const deductionKey = (d: string) => `deductions.${d}`

export type RulesForm = Record<string, string>

export function rulesForm(rules: RulesBody): RulesForm {
  const form: RulesForm = {}
  for (const t of LEDGER_TYPES) for (const l of OUTLET_LEVELS) for (const p of PLACEMENTS) form[cellKey(t, l, p)] = String(rules.points[t][l][p])
  for (const b of BONUSES) form[bonusKey(b)] = String(rules.bonuses[b])
  for (const d of DEDUCTIONS) form[deductionKey(d)] = String(rules.deductions[d])
  return form
}

/** The body to PUT, or what is wrong per cell. */
export function parseRulesForm(form: RulesForm): { rules: RulesBody } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const read = (key: string) => {
    const r = parsePoints(form[key] ?? '', RULE_POINTS_MAX)
    if ('error' in r) {
      errors[key] = r.error
      return 0
    }
    return r.value
  }
  const fill = <K extends string>(keys: readonly K[], keyOf: (k: K) => string) => Object.fromEntries(keys.map((k) => [k, read(keyOf(k))])) as Record<K, number>
  const points = Object.fromEntries(
    LEDGER_TYPES.map((t) => [t, Object.fromEntries(OUTLET_LEVELS.map((l) => [l, fill(PLACEMENTS, (p) => cellKey(t, l, p))]))])
  ) as RulesBody['points']
  const rules: RulesBody = { points, bonuses: fill(BONUSES, bonusKey), deductions: fill(DEDUCTIONS, deductionKey) }
  return Object.keys(errors).length ? { errors } : { rules }
}

// ---- targets: per bureau (departmentId null) or department, per type, a count and optional points

export const BUREAU = 'bureau'
export interface TargetCell {
  count: string
  points: string
}
/** Keyed by department id (or BUREAU), then type. */
export type TargetsForm = Record<string, Record<LedgerType, TargetCell>>

const emptyRow = (): Record<LedgerType, TargetCell> => Object.fromEntries(LEDGER_TYPES.map((t) => [t, { count: '', points: '' }])) as Record<LedgerType, TargetCell>

export function targetsForm(targets: readonly TargetView[], departmentIds: readonly string[]): TargetsForm {
  const form: TargetsForm = { [BUREAU]: emptyRow() }
  for (const id of departmentIds) form[id] = emptyRow()
  for (const t of targets) {
    const row = (form[t.departmentId ?? BUREAU] ??= emptyRow())
    row[t.type] = { count: String(t.count), points: t.points === null ? '' : String(t.points) }
  }
  return form
}

const cellError = (cell: TargetCell, countRequired: boolean): string | null => {
  const count = cell.count.trim()
  const points = cell.points.trim()
  if (!count) {
    if (countRequired) return '请填写目标篇数'
    return points ? '填写分值时请同时填写篇数' : null
  }
  if (!/^\d+$/.test(count) || Number(count) > LIMITS.targetCount) return `篇数须为 0 到 ${LIMITS.targetCount} 的整数`
  if (points) {
    const p = parsePoints(points, TARGET_POINTS_MAX)
    if ('error' in p) return `目标分值：${p.error}`
  }
  return null
}
export const targetKey = (owner: string, type: LedgerType) => `${owner}:${type}`

/**
 * The whole set to PUT (the server replaces the year's targets with it), or what is wrong per cell.
 * The bureau-wide row is left out while it still shows the built-in 343 / 337 / 8 untouched, so
 * the year keeps following the city bureau's figures instead of freezing a copy of them.
 */
export function parseTargetsForm(form: TargetsForm, bureauDefault: boolean): { targets: TargetEntry[] } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const targets: TargetEntry[] = []
  const bureau = form[BUREAU] ?? emptyRow()
  const bureauUntouched = bureauDefault && LEDGER_TYPES.every((t) => bureau[t].count.trim() === String(BUREAU_DEFAULT_TARGETS[t]) && !bureau[t].points.trim())
  for (const [owner, row] of Object.entries(form)) {
    const isBureau = owner === BUREAU
    if (isBureau && bureauUntouched) continue
    for (const type of LEDGER_TYPES) {
      const cell = row[type]
      const problem = cellError(cell, isBureau)
      if (problem) errors[targetKey(owner, type)] = problem
      else if (cell.count.trim()) {
        const points = cell.points.trim()
        targets.push({ departmentId: isBureau ? null : owner, type, count: Number(cell.count.trim()), points: points ? Number(points) : null })
      }
    }
  }
  return Object.keys(errors).length ? { errors } : { targets }
}

export interface TypeTotal {
  type: LedgerType
  /** Departments with a target of this type. */
  departments: number
  count: number
  points: number
  bureauCount: number | null
  bureauPoints: number | null
}

/** Per type: the departments' targets added up, beside the bureau-wide one (from the form as typed). */
export function departmentTotals(form: TargetsForm): TypeTotal[] {
  const num = (s: string) => (/^\d+(\.\d+)?$/.test(s.trim()) ? Number(s.trim()) : null)
  return LEDGER_TYPES.map((type) => {
    let departments = 0
    let count = 0
    let points = 0
    for (const [owner, row] of Object.entries(form)) {
      if (owner === BUREAU) continue
      const c = num(row[type].count)
      if (c === null) continue
      departments++
      count += c
      points += num(row[type].points) ?? 0
    }
    const bureau = form[BUREAU]?.[type]
    return { type, departments, count, points: round2(points), bureauCount: bureau ? num(bureau.count) : null, bureauPoints: bureau ? num(bureau.points) : null }
  })
}
