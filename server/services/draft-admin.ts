import type { Db } from '../db/database'
import { DEFAULT_EXPRESSIONS, REVIEW_STAGES, REVIEW_STAGE_HINTS, REVIEW_STAGE_LABELS } from '../../domain/draft'
import { ConflictError, NotFoundError } from '../../domain/errors'
import type { DepartmentReviewers, ExpressionBody, ExpressionList, PutReviewersBody, ReviewerConfigList } from '../../domain/schemas/draft'
import { deleteExpression, existingUsers, insertExpression, orgExpressions, replaceReviewers, reviewerRows } from '../repositories/drafts'
import { listDepartments } from '../repositories/admin'
import { findDepartment } from '../repositories/items'
import { inTransaction } from './transaction'
import { holdToCap } from './list-caps'
import type { Actor } from './items'

/** 三审 configuration of every department: who may sign 初审, 复审 and 终审 of its drafts. */
export async function reviewerConfig(db: Db, actor: Actor): Promise<ReviewerConfigList> {
  const [departments, rows] = await Promise.all([listDepartments(db, actor.orgId), reviewerRows(db, actor.orgId)])
  return {
    departments: departments.map(
      (d): DepartmentReviewers => ({
        department: d,
        stages: REVIEW_STAGES.map((stage) => ({
          stage,
          label: REVIEW_STAGE_LABELS[stage],
          hint: REVIEW_STAGE_HINTS[stage],
          people: rows.filter((r) => r.department_id === d.id && r.stage === stage).map((r) => ({ id: r.user_id, name: r.name }))
        }))
      })
    )
  }
}

/**
 * Replaces a department's reviewers. One person may be configured for several stages (a small
 * unit has few leaders): the table's guard still lets them sign only one stage of any draft.
 */
export async function setReviewers(db: Db, actor: Actor, departmentId: string, body: PutReviewersBody): Promise<DepartmentReviewers> {
  await inTransaction(db, async (scope) => {
    if (!(await findDepartment(scope.tx, actor.orgId, departmentId))) throw new NotFoundError('部门不存在，或不属于本局')
    const ids = [...new Set(REVIEW_STAGES.flatMap((s) => body[s]))]
    const found = await existingUsers(scope.tx, actor.orgId, ids)
    if (ids.some((id) => !found.has(id))) throw new NotFoundError('所选审核人不存在、已停用或不属于本局')
    await replaceReviewers(scope.tx, actor.orgId, departmentId, body)
  })
  return (await reviewerConfig(db, actor)).departments.find((d) => d.department.id === departmentId)!
}

/** The shipped list and the bureau's own additions, which the scan checks together. */
export async function listExpressions(db: Db, actor: Actor): Promise<ExpressionList> {
  const own = await orgExpressions(db, actor.orgId)
  return {
    expressions: [
      ...DEFAULT_EXPRESSIONS.map((e) => ({ id: null, phrase: e.phrase, suggestion: e.suggestion, note: e.note, builtin: true })),
      ...own.map((e) => ({ id: e.id, phrase: e.phrase, suggestion: e.suggestion, note: e.note, builtin: false }))
    ]
  }
}

export async function addExpression(db: Db, actor: Actor, body: ExpressionBody) {
  if (DEFAULT_EXPRESSIONS.some((e) => e.phrase === body.phrase)) throw new ConflictError(`「${body.phrase}」已在默认列表中`, { phrase: body.phrase }, 'expression_exists')
  const row = await inTransaction(db, async (scope) => {
    const inserted = await insertExpression(scope.tx, { org_id: actor.orgId, phrase: body.phrase, suggestion: body.suggestion ?? null, note: body.note ?? null })
    if (inserted) await holdToCap(scope, 'editorialExpressions', actor.orgId, (cap) => `本局补充的表述已有 ${cap} 条，达到上限：请先删除不再使用的表述`)
    return inserted
  })
  if (!row) throw new ConflictError(`「${body.phrase}」已在本局的列表中`, { phrase: body.phrase }, 'expression_exists')
  return { id: row.id, phrase: row.phrase, suggestion: row.suggestion, note: row.note, builtin: false }
}

export async function removeExpression(db: Db, actor: Actor, id: string): Promise<void> {
  await deleteExpression(db, actor.orgId, id)
}
