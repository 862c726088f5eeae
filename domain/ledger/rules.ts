import { InvalidError } from '../errors'
import {
  BONUSES,
  DEDUCTIONS,
  LEDGER_TYPES,
  OUTLET_LEVELS,
  PLACEMENTS,
  type Bonus,
  type Deduction,
  type LedgerType,
  type OutletLevel,
  type Placement
} from './vocabulary'

/**
 * The bureau's scoring rules for one year (计分办法): a full table of points per type × outlet
 * level × placement, fixed bonuses and deductions. A rule set is valid for the year it names
 * and, until a later year gets its own, for the years after it (the bureau re-issues the
 * 计分办法 only when it changes). Points are written on each publication's credits when it is
 * recorded, so changing the rules never rewrites past points; only the explicit recalculation
 * of a year does.
 */
export interface ScoringRules {
  year: number
  points: Record<LedgerType, Record<OutletLevel, Record<Placement, number>>>
  bonuses: Record<Bonus, number>
  deductions: Record<Deduction, number>
}

/** Largest number of points any one cell, bonus or deduction may carry. */
export const RULE_POINTS_MAX = 1000

/**
 * The example rule set used until an admin sets the year's own: per type a base per outlet
 * level, scaled by placement (头版头条 ×2, 头版 ×1.5, 要闻 ×1.2, 一般 ×1). The figures are an
 * example in the spirit of county bureaus' published 计分办法, not any one bureau's.
 */
const LEVEL_BASE: Record<LedgerType, Record<OutletLevel, number>> = {
  news: { central: 20, provincial: 10, city: 5, county: 2, bulletin: 3, own_media: 1 },
  information: { central: 20, provincial: 10, city: 5, county: 2, bulletin: 4, own_media: 1 },
  research: { central: 30, provincial: 20, city: 10, county: 5, bulletin: 8, own_media: 2 }
}
const PLACEMENT_FACTOR: Record<Placement, number> = { front_headline: 2, front_page: 1.5, key_news: 1.2, general: 1 }

export function defaultRules(year: number): ScoringRules {
  const points = Object.fromEntries(
    LEDGER_TYPES.map((t) => [t, Object.fromEntries(OUTLET_LEVELS.map((l) => [l, Object.fromEntries(PLACEMENTS.map((p) => [p, round2(LEVEL_BASE[t][l] * PLACEMENT_FACTOR[p])]))]))])
  ) as ScoringRules['points']
  return { year, points, bonuses: { leaderComment: 5, adopted: 3 }, deductions: { retracted: 5, correction: 2, error_reported: 3 } }
}

/** The rule set valid in `year`: that year's, else the latest earlier one, else the example. */
export function rulesFor(year: number, sets: readonly ScoringRules[]): ScoringRules {
  const valid = sets.filter((s) => s.year <= year).sort((a, b) => b.year - a.year)[0]
  return valid ?? defaultRules(year)
}

/** Every cell present, each a finite number in [0, RULE_POINTS_MAX] with at most 2 decimals. */
export function checkRules(rules: ScoringRules): void {
  const bad = (where: string) => new InvalidError(`计分规则「${where}」须为 0 到 ${RULE_POINTS_MAX} 之间、最多两位小数的分值`, 'points')
  const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= RULE_POINTS_MAX && Math.abs(round2(v) - v) < 1e-9
  for (const t of LEDGER_TYPES) for (const l of OUTLET_LEVELS) for (const p of PLACEMENTS) if (!ok(rules.points?.[t]?.[l]?.[p])) throw bad(`${t}.${l}.${p}`)
  for (const b of BONUSES) if (!ok(rules.bonuses?.[b])) throw bad(b)
  for (const d of DEDUCTIONS) if (!ok(rules.deductions?.[d])) throw bad(d)
}

export interface Scored {
  type: LedgerType
  level: OutletLevel
  placement: Placement
  leaderComment: boolean
  adopted: boolean
  deductions: readonly Deduction[]
}

/**
 * A piece's points: its cell, plus each bonus it earned, minus each deduction (each counted once).
 * Bonuses count for information items only (领导批示 and 被采用 are how 政务信息 is valued);
 * a deduction may take a piece below zero, as a 差错 costs the department more than the piece
 * earned. Rounded to 2 decimals.
 */
export function pointsOf(rules: ScoringRules, piece: Scored): number {
  let total = rules.points[piece.type][piece.level][piece.placement]
  if (piece.type === 'information') {
    if (piece.leaderComment) total += rules.bonuses.leaderComment
    if (piece.adopted) total += rules.bonuses.adopted
  }
  for (const d of new Set(piece.deductions)) total -= rules.deductions[d]
  return round2(total)
}

export const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100
