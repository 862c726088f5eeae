import type { DbOrTx } from '../db/database'
import type { OverdueReport } from '../../domain/schemas/deadlines'
import { describeDue } from '../../domain/deadlines/describe-due'
import { openItemsDueBy } from '../repositories/due-items'
import { orgCalendar } from './deadlines'

type Group = OverdueReport['byDepartment'][number]

function groupBy<T extends { overdueWorkingDays: number }>(items: T[], key: (i: T) => [string | null, string]): Group[] {
  const groups = new Map<string | null, Group>()
  for (const item of items) {
    const [id, name] = key(item)
    const g = groups.get(id) ?? { id, name, count: 0, maxOverdueWorkingDays: 0 }
    g.count++
    g.maxOverdueWorkingDays = Math.max(g.maxOverdueWorkingDays, item.overdueWorkingDays)
    groups.set(id, g)
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.maxOverdueWorkingDays - a.maxOverdueWorkingDays)
}

/** Open items past their deadline at `now`, counted per department and per assignee. */
export async function overdueReport(db: DbOrTx, orgId: string, now: Date): Promise<OverdueReport> {
  const calendar = await orgCalendar(db, orgId)
  const rows = await openItemsDueBy(db, orgId, now)
  let uncertain = false
  const items = rows
    .filter((r) => r.due_at.getTime() < now.getTime())
    .map((r) => {
      const d = describeDue(calendar, now, r.due_at)
      uncertain ||= d.uncertain
      return {
        id: r.id,
        kind: r.kind,
        excerpt: r.excerpt,
        dueAt: r.due_at.toISOString(),
        overdueWorkingDays: d.workingDays,
        label: d.label,
        assigneeName: r.assignee_name,
        departmentName: r.department_name,
        assigneeId: r.assignee_id,
        departmentId: r.department_id
      }
    })
  const byDepartment = groupBy(items, (i) => [i.departmentId, i.departmentName ?? '未指定部门'])
  const byAssignee = groupBy(items, (i) => [i.assigneeId, i.assigneeName ?? '未分派'])
  return {
    generatedAt: now.toISOString(),
    total: items.length,
    byDepartment,
    byAssignee,
    items: items.map(({ assigneeId: _a, departmentId: _d, ...rest }) => rest),
    uncertain
  }
}
