import type { Db } from '../db/database'
import { InvalidError } from '../../domain/errors'
import { OUTLET_LEVEL_LABELS, LEDGER_TYPES } from '../../domain/ledger/vocabulary'
import { checkRules, defaultRules, pointsOf, rulesFor, type ScoringRules } from '../../domain/ledger/rules'
import { splitPoints } from '../../domain/ledger/credits'
import { BUREAU_DEFAULT_TARGETS } from '../../domain/ledger/pace'
import type { CreateOutletBody, OutletView, RecalculationView, RulesBody, RulesView, TargetList, TargetsBody, UpdateOutletBody } from '../../domain/schemas/ledger'
import * as repo from '../repositories/ledger'
import * as pubs from '../repositories/publications'
import { inTransaction } from './transaction'
import { holdToCap } from './list-caps'

export interface LedgerActor {
  id: string
  orgId: string
  name: string
}

const toOutlet = (r: { id: string; name: string; level: OutletView['level']; active: boolean }): OutletView => ({ ...r, levelLabel: OUTLET_LEVEL_LABELS[r.level] })
const named = (v: string) => {
  const name = v.trim()
  if (!name) throw new InvalidError('媒体名称不能为空', 'name')
  return name
}
export const toCents = (points: number) => Math.round(points * 100)
export const fromCents = (cents: number) => cents / 100

// ---- outlets

export async function listOutlets(db: Db, orgId: string, includeInactive: boolean): Promise<OutletView[]> {
  return (await repo.listOutlets(db, orgId, includeInactive)).map(toOutlet)
}

export async function createOutlet(db: Db, actor: LedgerActor, input: CreateOutletBody): Promise<OutletView> {
  const name = named(input.name)
  return inTransaction(db, async (scope) => {
    const outlet = await repo.insertOutlet(scope.tx, actor.orgId, { name, level: input.level })
    await holdToCap(scope, 'outlets', actor.orgId, (cap) => `本局已有 ${cap} 家媒体（含已停用的），达到上限：可将不再使用的媒体改名后沿用`)
    return toOutlet(outlet)
  })
}

/** Changing an outlet's level leaves recorded publications as they were (they keep the level they were scored at). */
export async function updateOutlet(db: Db, actor: LedgerActor, id: string, input: UpdateOutletBody): Promise<OutletView> {
  return inTransaction(db, async ({ tx }) => toOutlet(await repo.updateOutlet(tx, actor.orgId, id, { ...input, name: input.name === undefined ? undefined : named(input.name) })))
}

// ---- scoring rules

export async function rulesView(db: Db, orgId: string, year: number): Promise<RulesView> {
  const sets = await repo.listRuleSets(db, orgId, year)
  const own = sets.find((s) => s.year === year)
  const valid = own ?? sets[0]
  const rules = valid ? valid.rules : defaultRules(year)
  return {
    year,
    source: own ? 'own' : valid ? 'inherited' : 'default',
    fromYear: valid ? valid.year : null,
    rules: { points: rules.points, bonuses: rules.bonuses, deductions: rules.deductions },
    updatedAt: valid ? valid.updated_at.toISOString() : null
  }
}

/** Sets a year's rules. Points already recorded stay as they are until the year is recalculated. */
export async function setRules(db: Db, actor: LedgerActor, year: number, body: RulesBody): Promise<RulesView> {
  const rules: ScoringRules = { year, ...body }
  checkRules(rules)
  await repo.upsertRuleSet(db, actor.orgId, rules, actor.id)
  return rulesView(db, actor.orgId, year)
}

/**
 * The explicit recalculation: every publication of `year` is scored again under the rules in
 * force for that year now, its credits re-split, and the run is recorded with who did it and
 * what changed. One transaction, the year's publications locked.
 */
export async function recalculateYear(db: Db, actor: LedgerActor, year: number): Promise<RecalculationView> {
  return inTransaction(db, async ({ tx }) => {
    const rules = rulesFor(year, (await repo.listRuleSets(tx, actor.orgId, year)).map((s) => s.rules))
    const rows = await pubs.lockYear(tx, actor.orgId, year)
    const credits = await pubs.creditsOf(tx, rows.map((r) => r.id))
    let before = 0
    let after = 0
    let changed = 0
    for (const r of rows) {
      const points = pointsOf(rules, { type: r.type, level: r.outlet_level, placement: r.placement, leaderComment: r.leader_comment, adopted: r.adopted, deductions: r.deductions })
      const cents = toCents(points)
      before += r.points_cents
      after += cents
      if (cents === r.points_cents && r.rule_year === rules.year) continue
      changed++
      await pubs.updatePoints(tx, r.id, cents, rules.year)
      const own = credits.filter((c) => c.publication_id === r.id)
      for (const group of [own.filter((c) => c.user_id), own.filter((c) => c.department_id)]) {
        const parts = splitPoints(points, group.map((c) => ({ id: c.id, share: c.share_bp / 10000 })))
        for (const p of parts) await pubs.setCreditPoints(tx, p.id, toCents(p.points))
      }
    }
    const log = await pubs.insertRecalculation(tx, { org_id: actor.orgId, year, recalculated_by: actor.id, publications: rows.length, changed, points_before_cents: before, points_after_cents: after })
    return { year, publications: rows.length, changed, pointsBefore: fromCents(before), pointsAfter: fromCents(after), recalculatedBy: actor.name, recalculatedAt: log.recalculated_at.toISOString() }
  })
}

// ---- targets

export async function listTargets(db: Db, orgId: string, year: number): Promise<TargetList> {
  return targetList(year, await repo.listTargets(db, orgId, year))
}

/** The year's targets as shown: the bureau's built-in 343 / 337 / 8 first when the admin set none. */
export function targetList(year: number, rows: repo.TargetRow[]): TargetList {
  const targets: TargetList['targets'] = rows.map((r) => ({
    departmentId: r.department_id,
    departmentName: r.department_name,
    type: r.type,
    count: r.count,
    points: r.points_cents === null ? null : fromCents(r.points_cents)
  }))
  const bureauDefault = !rows.some((r) => r.department_id === null)
  if (bureauDefault) targets.unshift(...LEDGER_TYPES.map((type) => ({ departmentId: null, departmentName: null, type, count: BUREAU_DEFAULT_TARGETS[type], points: null })))
  return { year, bureauDefault, targets }
}

/** Replaces the year's targets; each department (or the bureau) and type at most once. */
export async function setTargets(db: Db, actor: LedgerActor, year: number, body: TargetsBody): Promise<TargetList> {
  const keys = new Set<string>()
  for (const t of body.targets) {
    const key = `${t.departmentId ?? '*'}:${t.type}`
    if (keys.has(key)) throw new InvalidError('同一部门、同一类型的目标只能填写一次', 'targets')
    keys.add(key)
  }
  await inTransaction(db, async ({ tx }) => {
    const wanted = [...new Set(body.targets.flatMap((t) => (t.departmentId ? [t.departmentId] : [])))]
    const found = await repo.departmentIdsOf(tx, actor.orgId, wanted)
    if (wanted.some((id) => !found.has(id))) throw new InvalidError('所选部门不存在', 'departmentId')
    await repo.replaceTargets(
      tx,
      actor.orgId,
      year,
      body.targets.map((t) => ({ department_id: t.departmentId, type: t.type, count: t.count, points_cents: t.points == null ? null : toCents(t.points) })),
      actor.id
    )
  })
  return listTargets(db, actor.orgId, year)
}
