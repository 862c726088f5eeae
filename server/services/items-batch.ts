import type { Db } from '../db/database'
import type { Item } from '../db/tables/item'
import type { BatchAnswer, BatchBody, BatchResult, ItemChangeView } from '../../domain/schemas/triage'
import { LIMITS } from '../../domain/limits'
import { InvalidError, isDomainError } from '../../domain/errors'
import { ITEM_MACHINES } from '../../domain/item-kinds'
import { findDeskUser, type Actor } from '../repositories/items'
import { matchingItems } from '../repositories/inbox'
import { assign, setTopics, transition } from './items'
import { resolveInboxFilter, viewerFor } from './inbox-filter'

export type BatchLog = (err: unknown, itemId: string) => void

/** What a finished item says: the table's own label for what was done. */
function doneMessage(body: BatchBody, item: Item): string {
  if (body.op === 'act') {
    const t = ITEM_MACHINES[item.kind].table[body.action!]
    const done = `已${t?.label ?? '完成'}`
    const now = ITEM_MACHINES[item.kind].statusLabels[item.status]
    // 受理 leads to 已受理: saying the status again would read 已受理（已受理）.
    return now === done ? done : `${done}（现为${now}）`
  }
  return body.op === 'assign' ? (body.assigneeId ? '已分派' : '已取消处理人') : '已标记重点主题'
}

const OP_LABELS: Record<BatchBody['op'], string> = { act: '执行操作', assign: '分派', tag: '标记重点主题' }

/** The fields each op needs, checked once for the whole batch (400) rather than per item. */
async function checkOp(db: Db, actor: Actor, body: BatchBody): Promise<void> {
  const has = (f: keyof BatchBody) => body[f] !== undefined
  const allowed: Record<BatchBody['op'], (keyof BatchBody)[]> = { act: ['action', 'note', 'reason'], assign: ['assigneeId'], tag: ['topics'] }
  for (const f of ['action', 'note', 'reason', 'assigneeId', 'topics'] as const) {
    if (has(f) && !allowed[body.op].includes(f)) throw new InvalidError(`批量${OP_LABELS[body.op]}不需要填写 ${f}，请删除后重试`, f)
  }
  if (body.op === 'act' && !has('action')) throw new InvalidError('请选择要执行的操作（action）', 'action')
  if (body.op === 'assign' && !has('assigneeId')) throw new InvalidError('请选择处理人（assigneeId），或填 null 取消处理人', 'assigneeId')
  if (body.op === 'tag' && !has('topics')) throw new InvalidError('请填写重点主题（topics），空列表为清除', 'topics')
  if (has('items') === has('filter')) throw new InvalidError('请二选一：列出所选条目（items），或给出筛选条件（filter）对全部符合的条目操作', 'items')
  if (body.op === 'assign' && body.assigneeId && !(await findDeskUser(db, actor.orgId, body.assigneeId))) {
    throw new InvalidError('所选处理人不存在，或不是本局工作人员', 'assigneeId')
  }
}

/** One item through the same service a single action takes: its table, permissions and version apply. */
function runOne(db: Db, actor: Actor, body: BatchBody, id: string, version: number | undefined): Promise<Item> {
  const v = version === undefined ? {} : { version }
  if (body.op === 'act') {
    return transition(db, actor, id, { action: body.action!, ...(body.note === undefined ? {} : { note: body.note }), ...(body.reason === undefined ? {} : { reason: body.reason }), ...v })
  }
  if (body.op === 'assign') return assign(db, actor, id, { assigneeId: body.assigneeId ?? null, ...v })
  return setTopics(db, actor, id, { topics: body.topics ?? [], ...v })
}

/**
 * One operation on many items, each in its own transaction: a refusal (the table's, a stale
 * version, another bureau's id, which is simply not found) is that item's result and undoes
 * nothing else. Items run one after another: a 2-core server shares the database with the desk.
 */
export async function runBatch(db: Db, actor: Actor, body: BatchBody, log: BatchLog): Promise<BatchAnswer> {
  await checkOp(db, actor, body)
  let targets: { id: string; version?: number }[]
  let matched: number
  if (body.filter) {
    const now = new Date()
    const filter = await resolveInboxFilter(db, { id: actor.id, orgId: actor.orgId, now }, body.filter)
    const found = await matchingItems(db, await viewerFor(db, actor, [filter], now), filter, LIMITS.batchFilterCap)
    // No versions: the items were read just now, and each still goes through its table.
    targets = found.items.map((i) => ({ id: i.id }))
    matched = found.matched
  } else {
    const seen = new Set<string>()
    targets = body.items!.map((i) => ({ ...i, id: i.id.toLowerCase() })).filter((i) => !seen.has(i.id) && (seen.add(i.id), true))
    matched = targets.length
  }
  const results: BatchResult[] = []
  for (const t of targets) {
    try {
      const item = await runOne(db, actor, body, t.id, t.version)
      results.push({ id: t.id, ok: true, status: item.status as BatchResult['status'], version: item.version, message: doneMessage(body, item) })
    } catch (err) {
      if (!isDomainError(err)) {
        // A fault of ours on one item must not hide what happened to the others.
        log(err, t.id)
        results.push({ id: t.id, ok: false, code: 'internal', message: '处理此条时出错，请稍后单独重试' })
        continue
      }
      const details = 'details' in err ? (err.details as Record<string, unknown> | undefined) : undefined
      const status = typeof details?.status === 'string' ? (details.status as BatchResult['status']) : undefined
      const changes = Array.isArray(details?.changes) ? (details.changes as ItemChangeView[]) : undefined
      results.push({ id: t.id, ok: false, code: err.code, message: err.message, ...(status ? { status } : {}), ...(changes ? { changes } : {}) })
    }
  }
  return { matched, capped: matched > targets.length, results }
}
