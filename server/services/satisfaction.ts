import type { DbOrTx } from '../db/database'
import type { SatisfactionReport } from '../../domain/schemas/follow-up'
import { AUTO_CLOSE_ACTION, type Rating } from '../../domain/message/state-machine'
import { satisfactionCounts } from '../repositories/satisfaction'

type Counts = SatisfactionReport['total']
const KEY: Record<Rating, 'satisfied' | 'basicallySatisfied' | 'dissatisfied'> = { satisfied: 'satisfied', basically_satisfied: 'basicallySatisfied', dissatisfied: 'dissatisfied' }
const empty = (): Counts => ({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, unrated: 0, satisfactionRate: null })
function withRate(c: Counts): Counts {
  const rated = c.satisfied + c.basicallySatisfied + c.dissatisfied
  return { ...c, satisfactionRate: rated ? Math.round(((c.satisfied + c.basicallySatisfied) / rated) * 1000) / 10 : null }
}

/** 满意度 per department and month: each rating counts where it was given; unrated closings apart. */
export async function satisfactionReport(db: DbOrTx, orgId: string, year: number): Promise<SatisfactionReport> {
  const rows = await satisfactionCounts(db, orgId, year, AUTO_CLOSE_ACTION)
  const groups = new Map<string, SatisfactionReport['rows'][number]>()
  const total = empty()
  for (const r of rows) {
    const key = `${r.month}|${r.department_id ?? ''}`
    const g = groups.get(key) ?? { month: r.month, departmentId: r.department_id, departmentName: r.department_name ?? '未指定部门', ...empty() }
    const field = r.rating ? KEY[r.rating] : 'unrated'
    g[field] += Number(r.n)
    total[field] += Number(r.n)
    groups.set(key, g)
  }
  const list = [...groups.values()].map((g) => ({ ...g, ...withRate(g) })).sort((a, b) => a.month.localeCompare(b.month) || a.departmentName.localeCompare(b.departmentName, 'zh'))
  return { year, total: withRate(total), rows: list }
}
