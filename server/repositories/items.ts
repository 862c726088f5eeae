import type { Db, DbOrTx, Database } from '../db/database'
import type { Transaction } from 'kysely'
import type { Item, ItemUpdate } from '../db/tables/item'
import type { ItemDetail } from '../../domain/schemas/item'
import type { Role } from '../../domain/roles'
import { hasAnyRole, INBOX_ROLES } from '../../domain/roles'
import type { Machine } from '../../domain/state-machine'
import { messageMachine, MESSAGE_STATUS_LABELS, type RejectReason } from '../../domain/message/state-machine'
import { caseMachine, CASE_STATUS_LABELS } from '../../domain/case/state-machine'
import { conflict, forbidden, notFound, badRequest } from '../http/errors'
import { appendEvent, listTimeline } from './events'
import { maskPhone } from './mask'
import { photosOfItems, toEvidenceView, type SignMediaUrl } from './media'
import { dueAtOnAccept, orgCalendar } from '../services/deadlines'
import { dueView } from '../../domain/deadlines/describe-due'

export interface Actor {
  id: string
  orgId: string
  roles: readonly Role[]
}

type Kind = Item['kind']

/** Each kind of item follows its own transition table from domain/. */
const MACHINES: Record<Kind, Machine<string, string, Role>> = { message: messageMachine, case: caseMachine }
const STATUS_LABELS: Record<Kind, Record<string, string>> = { message: MESSAGE_STATUS_LABELS, case: CASE_STATUS_LABELS }
const NOUN: Record<Kind, string> = { message: '留言', case: '事例' }
const CLOSING_STATUSES = new Set(['closed', 'rejected', 'archived', 'published'])

const isDesk = (actor: Actor) => hasAnyRole(actor.roles, INBOX_ROLES)

/** What an actor may see: desk roles see their org's inbox; anyone else only what they wrote. */
export async function loadVisibleItem(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<Item> {
  let q = db.selectFrom('item').selectAll().where('id', '=', id).where('org_id', '=', actor.orgId)
  if (lock) q = q.forUpdate()
  const item = await q.executeTakeFirst()
  // 404, not 403: do not reveal that someone else's item exists.
  if (!item || (!isDesk(actor) && item.author_id !== actor.id)) throw notFound('内容不存在，或您无权查看')
  return item
}

/** Citizen and officer actions (close, reopen, resubmit) belong to the author alone. */
function actingRoles(actor: Actor, item: Item): readonly Role[] {
  return item.author_id === actor.id ? actor.roles : actor.roles.filter((r) => r !== 'citizen' && r !== 'officer')
}

export async function getItemDetail(db: DbOrTx, actor: Actor, id: string, sign: SignMediaUrl): Promise<ItemDetail> {
  const item = await loadVisibleItem(db, actor, id)
  const [message, report, author, dept, photos] = await Promise.all([
    db.selectFrom('message').selectAll().where('item_id', '=', id).executeTakeFirst(),
    db.selectFrom('case_report').selectAll().where('item_id', '=', id).executeTakeFirst(),
    db.selectFrom('app_user').select('name').where('id', '=', item.author_id).executeTakeFirst(),
    item.department_id ? db.selectFrom('department').select('name').where('id', '=', item.department_id).executeTakeFirst() : undefined,
    photosOfItems(db, [id])
  ])
  const desk = isDesk(actor)
  return {
    id: item.id,
    kind: item.kind,
    status: item.status,
    category: message?.category ?? null,
    title: report?.title ?? null,
    body: message?.body ?? report?.body ?? '',
    occurredAt: report?.occurred_at.toISOString() ?? null,
    place: report?.place_address ? { address: report.place_address, ...(report.place_lat !== null && report.place_lng !== null ? { lat: report.place_lat, lng: report.place_lng } : {}) } : null,
    departmentName: dept?.name ?? null,
    photos: (photos.get(id) ?? []).map((m) => toEvidenceView(m, sign)),
    trackingCode: message?.tracking_code ?? null,
    // Staff need to recognise a caller, not copy the number; the author sees their own.
    contactPhone: message?.contact_phone ? (desk && item.author_id !== actor.id ? maskPhone(message.contact_phone) : message.contact_phone) : null,
    authorName: author?.name ?? null,
    createdAt: item.created_at.toISOString(),
    acceptedAt: item.accepted_at?.toISOString() ?? null,
    firstReplyAt: item.first_reply_at?.toISOString() ?? null,
    closedAt: item.closed_at?.toISOString() ?? null,
    lastActivityAt: item.last_activity_at.toISOString(),
    due: desk && item.due_at ? dueView(await orgCalendar(db, actor.orgId), new Date(), item.due_at) : null,
    allowedActions: MACHINES[item.kind].allowed(item.status, actingRoles(actor, item)),
    timeline: await listTimeline(db, item.id, !desk)
  }
}

export interface ActionInput {
  action: string
  reason?: RejectReason
  note?: string
  /** The reply text, for `reply`. */
  body?: string
}

/**
 * Applies one action from the item's transition table, in one transaction with a row lock so
 * two staff acting at once cannot both move the same item. `alsoDo` runs in that transaction
 * (e.g. a resubmitted case's new text) after the transition has been checked.
 */
export async function applyAction(
  db: Db,
  actor: Actor,
  id: string,
  input: ActionInput,
  alsoDo?: (tx: Transaction<Database>, item: Item) => Promise<void>
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const item = await loadVisibleItem(tx, actor, id, true)
    const machine = MACHINES[item.kind]
    const transition = machine.table[input.action]
    if (!transition) throw conflict(`${NOUN[item.kind]}没有「${input.action}」这个操作`)
    const to = machine.next(item.status, input.action)
    if (!to) throw conflict(`当前状态为「${STATUS_LABELS[item.kind][item.status]}」，不能执行「${transition.label}」`)
    if (!transition.by.some((r) => actingRoles(actor, item).includes(r))) throw forbidden(`您没有权限执行「${transition.label}」`)
    if (item.kind === 'message' && input.action === 'reject' && !input.reason) throw badRequest('不予受理时请选择原因（reason）')
    if (item.kind === 'case' && input.action === 'return' && !input.note) throw badRequest('退回时请写明需要补充的内容（note）')
    // Archiving ends the case; the officer reads why (my cases, 宣传人员反馈).
    if (item.kind === 'case' && input.action === 'archive' && !input.note) throw badRequest('存档时请写明原因（note），报送人会看到')

    const now = new Date()
    const patch: ItemUpdate = { status: to, last_activity_at: now }
    if (input.action === 'accept') {
      patch.accepted_at = now
      const due = await dueAtOnAccept(tx, item, now)
      if (due) patch.due_at = due
    }
    if (input.action === 'reply' && !item.first_reply_at) patch.first_reply_at = now
    if (CLOSING_STATUSES.has(to)) patch.closed_at = now
    if (input.action === 'reopen' || input.action === 'resubmit') patch.closed_at = null
    await tx.updateTable('item').set(patch).where('id', '=', id).execute()
    if (alsoDo) await alsoDo(tx, item)
    await appendEvent(tx, {
      org_id: item.org_id,
      item_id: id,
      actor_id: actor.id,
      action: input.action,
      from_status: item.status,
      to_status: to,
      body: input.body ?? input.note ?? null,
      reason: input.reason ?? null,
      is_public: true
    })
  })
}
