import type { Db } from '../db/database'
import type { Item, ItemUpdate, NewItem } from '../db/tables/item'
import type { ItemDetail, AssignBody, NoteBody, PriorityBody, TopicsBody } from '../../domain/schemas/item'
import type { Role } from '../../domain/roles'
import type { ActionInputs, Milestone, StatusBucket } from '../../domain/state-machine'
import { ITEM_MACHINES, type ItemKind } from '../../domain/item-kinds'
import { REPLY_ACTION } from '../../domain/message/state-machine'
import { DESK_OPERATIONS, PRIORITY_LABELS, mentionedNames, type DeskOperationName, type Priority } from '../../domain/desk-operations'
import { ConflictError, ForbiddenError, InvalidError } from '../../domain/errors'
import { hasAnyRole } from '../../domain/roles'
import { appendEvent, eventsSinceVersion, itemHistory, lastEvent, listEventRows } from '../repositories/events'
import { findDepartment, findDeskUser, insertItem, loadItemParts, loadVisibleItem, lockWithOther, seesInbox, updateItem, type Actor } from '../repositories/items'
import type { ItemChangeView } from '../../domain/schemas/triage'
import { eventActionLabel } from '../../domain/event-labels'
import { isCanonicalUuid } from '../../domain/schemas/formats'
import { recordMergedInto, mergeViews } from './merge-effects'
import { resolveMentions, saveMentions } from '../repositories/mentions'
import { toItemDetail } from '../views/item-detail'
import { toTimelines } from '../views/timeline'
import type { SignMediaUrl } from '../views/media'
import { inTransaction, type TxScope } from './transaction'
import { dueAtFor, dueAtOnAccept, orgCalendar } from './deadlines'
import { notify } from './notifications'
import { dueView } from '../../domain/deadlines/describe-due'
import { beijingDay, yearOf } from '../../domain/deadlines/day'
import { refuseInactiveTopics } from './topic-rules'

export type { Actor } from '../repositories/items'

// ————— Hook points for other modules (deadlines set due_at; jobs; notifications) —————

export interface ItemChange {
  action: string
  from: string | null
  to: string
  at: Date
}

/**
 * Runs inside the transaction that creates or moves an item, after the table has allowed the
 * change and before the row is written; what it returns is written with the change (due_at on
 * create or accept, for instance). `scope.afterCommit` queues work for after the commit.
 */
export type ItemChangeHook = (scope: TxScope, item: Item, change: ItemChange) => Promise<ItemUpdate | void> | ItemUpdate | void

/** Deadlines: the clock starts on creation and (for some categories) again on acceptance. */
const deadlineHook: ItemChangeHook = async (scope, item, change) => {
  if (change.from === null) {
    const category = item.kind === 'message' ? ((await scope.tx.selectFrom('message').select('category').where('item_id', '=', item.id).executeTakeFirst())?.category ?? null) : null
    const due = await dueAtFor(scope.tx, item.org_id, item.kind, category, change.at, 'created')
    return due ? { due_at: due.dueAt } : undefined
  }
  const t = ITEM_MACHINES[item.kind].table[change.action]
  if (t?.stamps?.includes('accepted_at')) {
    const due = await dueAtOnAccept(scope.tx, item, change.at)
    return due ? { due_at: due } : undefined
  }
  return undefined
}

const changeHooks: ItemChangeHook[] = [deadlineHook]

/** Registers a hook for every item created or transitioned; returns its removal. */
export function onItemChange(hook: ItemChangeHook): () => void {
  changeHooks.push(hook)
  return () => void changeHooks.splice(changeHooks.indexOf(hook) >>> 0, 1)
}

async function runChangeHooks(scope: TxScope, item: Item, change: ItemChange): Promise<ItemUpdate> {
  const patch: ItemUpdate = {}
  for (const hook of changeHooks) Object.assign(patch, (await hook(scope, item, change)) ?? {})
  return patch
}

// ————— Who may act —————

/** Citizen and officer actions (close, reopen, resubmit) belong to the author alone. */
export function actingRoles(actor: Actor, item: Pick<Item, 'author_id'>): readonly Role[] {
  return item.author_id === actor.id ? actor.roles : actor.roles.filter((r) => r !== 'citizen' && r !== 'officer')
}

/** Changes listed in a stale-version answer; more are summed up as a count. */
const CHANGES_LISTED = 10

/**
 * The version the client last saw must be the current one; otherwise say what changed since:
 * who did what, from the events that produced each later version.
 */
async function checkVersion(scope: TxScope, item: Item, version: number | undefined): Promise<void> {
  if (version === undefined || version === item.version) return
  const [last, since] = await Promise.all([lastEvent(scope.tx, item.id), eventsSinceVersion(scope.tx, item.id, version, CHANGES_LISTED)])
  const machine = ITEM_MACHINES[item.kind]
  const changes: ItemChangeView[] = since.map((e) => ({
    version: e.item_version!,
    action: e.action,
    label: eventActionLabel(item.kind, e.action),
    actorName: e.actor_name,
    at: e.created_at.toISOString()
  }))
  const behind = item.version - version
  const said = changes.length
    ? `：${changes.map((c) => `${c.actorName ?? '他人'}${c.label}`).join('、')}${behind > changes.length ? ` 等 ${behind} 处` : ''}`
    : ''
  throw new ConflictError(
    `此${machine.noun}在您打开后已被更新${said}（当前状态「${machine.statusLabels[item.status]}」），请刷新后再操作`,
    {
      currentVersion: item.version,
      yourVersion: version,
      status: item.status,
      changes,
      lastEvent: last ? { action: last.action, actorName: last.actor_name, at: last.created_at.toISOString() } : null
    },
    'stale_version'
  )
}

function stamp(item: Item, at: Date, stamps: readonly Milestone[] = [], clears: readonly Milestone[] = []): ItemUpdate {
  const patch: ItemUpdate = {}
  for (const m of stamps) if (!item[m]) patch[m] = at
  for (const m of clears) patch[m] = null
  return patch
}

// ————— Create —————

/**
 * Inserts an item at its machine's initial status with its creation event. `details` writes the
 * kind's own rows (message text, case report) before the change hooks run, so they can read them.
 */
export async function createItem(scope: TxScope, row: Omit<NewItem, 'status'> & { kind: ItemKind }, details?: (item: Item) => Promise<void>): Promise<Item> {
  const { initial } = ITEM_MACHINES[row.kind]
  const inserted = await insertItem(scope.tx, { ...row, status: initial.status })
  if (details) await details(inserted)
  const at = inserted.created_at
  await appendEvent(scope.tx, {
    org_id: row.org_id,
    item_id: inserted.id,
    actor_id: row.author_id,
    action: initial.event,
    from_status: null,
    to_status: initial.status,
    is_public: initial.public,
    item_version: inserted.version
  })
  const patch = await runChangeHooks(scope, inserted, { action: initial.event, from: null, to: initial.status, at })
  // A hook's fields belong to the creation itself: no version bump for them.
  if (Object.keys(patch).length) return scope.tx.updateTable('item').set(patch).where('id', '=', inserted.id).returningAll().executeTakeFirstOrThrow()
  return inserted
}

// ————— Transitions —————

export interface TransitionInput extends ActionInputs {
  action: string
  version?: number
}

/**
 * Applies one action from the item's transition table under a row lock, so two staff acting at
 * once cannot both move the same item. `alsoDo` runs in the same transaction after the table
 * allowed the change (a resubmitted case's new text).
 */
export async function transition(
  db: Db | TxScope,
  actor: Actor,
  id: string,
  input: TransitionInput,
  alsoDo?: (scope: TxScope, item: Item) => Promise<void>
): Promise<Item> {
  return inTransaction(db, async (scope) => {
    const { action, version, ...inputs } = input
    // An action naming another item (a merge's `into`) locks both, and its guard sees the other.
    const otherId = inputs.into?.toLowerCase()
    const otherRow = otherId === undefined ? undefined : isCanonicalUuid(otherId) ? await lockWithOther(scope.tx, actor.orgId, id, otherId) : null
    const item = await loadVisibleItem(scope.tx, actor, id, true)
    const machine = ITEM_MACHINES[item.kind]
    const other = otherRow && { ...otherRow, bucket: ITEM_MACHINES[otherRow.kind].buckets[otherRow.status]! }
    const t = machine.isAction(action) ? machine.table[action] : undefined
    const history = t?.guard ? await itemHistory(scope.tx, item.id) : []
    const context = { actorId: actor.id, history, itemId: item.id, ...(otherId === undefined ? {} : { other: other ?? null }) }
    const checked = machine.check({ status: item.status, action, roles: actingRoles(actor, item), inputs, context })
    if ('error' in checked) throw checked.error
    await checkVersion(scope, item, version)
    const at = new Date()
    const change: ItemChange = { action, from: item.status, to: checked.to, at }
    const hooked = await runChangeHooks(scope, item, change)
    if (alsoDo) await alsoDo(scope, item)
    const link: ItemUpdate = other ? { duplicate_of: other.id } : {}
    const updated = await updateItem(scope.tx, id, { status: checked.to, ...stamp(item, at, t!.stamps, t!.clears), ...hooked, ...link }, at)
    if (other) await recordMergedInto(scope, actor, updated, other.id, at)
    await appendEvent(scope.tx, {
      org_id: item.org_id,
      item_id: id,
      actor_id: actor.id,
      action,
      from_status: item.status,
      to_status: checked.to,
      body: inputs.body ?? inputs.note ?? null,
      reason: inputs.reason ?? null,
      transferred_to: inputs.transferredTo ?? null,
      is_public: t!.public,
      item_version: updated.version
    })
    return updated
  })
}

export const reply = (db: Db, actor: Actor, id: string, body: string, version?: number) =>
  transition(db, actor, id, { action: REPLY_ACTION, body, ...(version === undefined ? {} : { version }) })

// ————— Desk operations (no status change) —————

/** Checks a desk operation against its table entry and the version, then records it. */
async function deskOperation(
  db: Db,
  actor: Actor,
  id: string,
  name: DeskOperationName,
  version: number | undefined,
  apply: (scope: TxScope, item: Item) => Promise<{ patch: ItemUpdate; body: string | null }>,
  afterEvent?: (scope: TxScope, item: Item, eventId: string) => Promise<void>
): Promise<Item> {
  return inTransaction(db, async (scope) => {
    const item = await loadVisibleItem(scope.tx, actor, id, true)
    const op = DESK_OPERATIONS[name]
    const machine = ITEM_MACHINES[item.kind]
    if (!hasAnyRole(actor.roles, op.by)) throw new ForbiddenError(`您没有权限${op.label}`)
    if (!(op.buckets as readonly StatusBucket[]).includes(machine.buckets[item.status]!)) {
      throw new ConflictError(`当前状态为「${machine.statusLabels[item.status]}」，不能${op.label}`, { status: item.status, action: name })
    }
    await checkVersion(scope, item, version)
    const at = new Date()
    const { patch, body } = await apply(scope, item)
    const updated = await updateItem(scope.tx, id, patch, at)
    const event = await appendEvent(scope.tx, {
      org_id: item.org_id,
      item_id: id,
      actor_id: actor.id,
      action: name,
      from_status: null,
      to_status: null,
      body,
      is_public: op.public,
      item_version: updated.version
    })
    if (afterEvent) await afterEvent(scope, updated, event.id)
    return updated
  })
}

/** To a person and/or a department of the same bureau; null clears; absent leaves as is. */
/** The version is optional here (a batch over a filter has none); the routes' schemas require it. */
type Versioned<T extends { version: number }> = Omit<T, 'version'> & { version?: number }

export async function assign(db: Db, actor: Actor, id: string, input: Versioned<AssignBody>): Promise<Item> {
  if (input.assigneeId === undefined && input.departmentId === undefined) throw new InvalidError('请选择处理人或部门（assigneeId / departmentId）', 'assigneeId')
  let newAssignee: string | null = null
  return deskOperation(
    db,
    actor,
    id,
    'assign',
    input.version,
    async (scope, before) => {
      const patch: ItemUpdate = {}
      const said: string[] = []
      if (input.assigneeId !== undefined) {
        const user = input.assigneeId === null ? null : await findDeskUser(scope.tx, actor.orgId, input.assigneeId)
        if (user === undefined) throw new InvalidError('所选处理人不存在，或不是本局工作人员', 'assigneeId')
        patch.assignee_id = user?.id ?? null
        said.push(user ? `处理人：${user.name}` : '取消处理人')
        if (user && user.id !== before.assignee_id) newAssignee = user.id
      }
      if (input.departmentId !== undefined) {
        const dept = input.departmentId === null ? null : await findDepartment(scope.tx, actor.orgId, input.departmentId)
        if (dept === undefined) throw new InvalidError('所选部门不存在', 'departmentId')
        patch.department_id = dept?.id ?? null
        said.push(dept ? `部门：${dept.name}` : '取消部门')
      }
      return { patch, body: said.join('；') }
    },
    // The bell: the new assignee (not someone assigning themselves) hears of it.
    async (scope, item, eventId) => {
      if (newAssignee) await notify(scope.tx, { orgId: item.org_id, kind: 'assigned', itemId: item.id, userIds: [newAssignee], actorId: actor.id, dedupeKey: eventId })
    }
  )
}

export async function setPriority(db: Db, actor: Actor, id: string, input: PriorityBody): Promise<Item> {
  return deskOperation(db, actor, id, 'priority', input.version, async () => ({ patch: { priority: input.priority }, body: PRIORITY_LABELS[input.priority as Priority] ?? String(input.priority) }))
}

/**
 * Replaces the item's topics. A topic added now must be one of the bureau's active focus topics
 * of this year (an admin's list); one the item already carries may stay, so last year's tags
 * survive a later edit.
 */
export async function setTopics(db: Db, actor: Actor, id: string, input: Versioned<TopicsBody>): Promise<Item> {
  const topics = [...new Set(input.topics.map((t) => t.trim()).filter(Boolean))]
  return deskOperation(db, actor, id, 'topics', input.version, async (scope, before) => {
    await refuseInactiveTopics(scope.tx, actor.orgId, topics.filter((t) => !before.topics.includes(t)))
    return { patch: { topics }, body: topics.join('、') || null }
  })
}

/** An internal note; `@姓名` of colleagues in the same bureau puts it under their 提到我的. */
export async function addNote(db: Db, actor: Actor, id: string, input: NoteBody): Promise<Item> {
  const body = input.body.trim()
  if (!body) throw new InvalidError('备注内容不能为空', 'body')
  return deskOperation(
    db,
    actor,
    id,
    'note',
    input.version,
    async () => ({ patch: {}, body }),
    async (scope, item, eventId) => {
      const users = await resolveMentions(scope.tx, actor.orgId, mentionedNames(body))
      await saveMentions(scope.tx, users.map((userId) => ({ event_id: eventId, user_id: userId, org_id: actor.orgId, item_id: item.id })))
      await notify(scope.tx, { orgId: item.org_id, kind: 'mentioned', itemId: item.id, userIds: users, actorId: actor.id, body, dedupeKey: eventId })
    }
  )
}

// ————— Reading —————

export async function getItemDetail(db: Db | TxScope, actor: Actor, id: string, sign: SignMediaUrl): Promise<ItemDetail> {
  const conn = 'tx' in db ? db.tx : db
  const item = await loadVisibleItem(conn, actor, id)
  const desk = seesInbox(actor)
  const [parts, events] = await Promise.all([loadItemParts(conn, item), listEventRows(conn, [item.id], !desk)])
  const timeline = toTimelines(events, !desk).get(item.id) ?? []
  const due = desk && item.due_at ? dueView(await orgCalendar(conn, actor.orgId), new Date(), item.due_at) : null
  const merges = await mergeViews(conn, item, desk)
  return { ...toItemDetail(item, parts, { id: actor.id, desk, actingRoles: actingRoles(actor, item) }, timeline, sign, due), ...merges }
}
