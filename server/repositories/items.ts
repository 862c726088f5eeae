import type { Db, DbOrTx } from '../db/database'
import type { ItemUpdate } from '../db/tables/item'
import type { ItemDetail } from '../../domain/schemas/item'
import type { Role } from '../../domain/roles'
import { hasAnyRole, INBOX_ROLES } from '../../domain/roles'
import { messageMachine, MESSAGE_STATUS_LABELS, type MessageAction, type MessageStatus, type RejectReason } from '../../domain/message/state-machine'
import { conflict, forbidden, notFound, badRequest } from '../http/errors'
import { appendEvent, listTimeline } from './events'
import { maskPhone } from './mask'

export interface Actor {
  id: string
  orgId: string
  roles: readonly Role[]
}

const isDesk = (actor: Actor) => hasAnyRole(actor.roles, INBOX_ROLES)

/** What an actor may see: desk roles see their org's inbox; anyone else only what they wrote. */
async function loadVisibleItem(db: DbOrTx, actor: Actor, id: string, lock = false) {
  let q = db.selectFrom('item').selectAll().where('id', '=', id).where('org_id', '=', actor.orgId)
  if (lock) q = q.forUpdate()
  const item = await q.executeTakeFirst()
  // 404, not 403: do not reveal that someone else's message exists.
  if (!item || (!isDesk(actor) && item.author_id !== actor.id)) throw notFound('留言不存在，或您无权查看')
  return item
}

export async function getItemDetail(db: DbOrTx, actor: Actor, id: string): Promise<ItemDetail> {
  const item = await loadVisibleItem(db, actor, id)
  const message = await db.selectFrom('message').selectAll().where('item_id', '=', id).executeTakeFirst()
  const author = await db.selectFrom('app_user').select('name').where('id', '=', item.author_id).executeTakeFirst()
  const desk = isDesk(actor)
  // Citizen actions (close, reopen) belong to the author alone.
  const actingRoles = item.author_id === actor.id ? actor.roles : actor.roles.filter((r) => r !== 'citizen')
  return {
    id: item.id,
    kind: item.kind,
    status: item.status,
    category: message?.category ?? null,
    body: message?.body ?? '',
    trackingCode: message?.tracking_code ?? null,
    contactPhone: message?.contact_phone ? (desk ? maskPhone(message.contact_phone) : message.contact_phone) : null,
    authorName: author?.name ?? null,
    createdAt: item.created_at.toISOString(),
    acceptedAt: item.accepted_at?.toISOString() ?? null,
    firstReplyAt: item.first_reply_at?.toISOString() ?? null,
    closedAt: item.closed_at?.toISOString() ?? null,
    lastActivityAt: item.last_activity_at.toISOString(),
    allowedActions: item.kind === 'message' ? messageMachine.allowed(item.status as MessageStatus, actingRoles) : [],
    timeline: await listTimeline(db, item.id, !desk)
  }
}

export interface TransitionInput {
  action: MessageAction
  reason?: RejectReason
  note?: string
  /** The reply text, for `reply`. */
  body?: string
}

/**
 * Applies one action from the message transition table, in one transaction with a row lock
 * so two staff acting at once cannot both move the same item.
 */
export async function applyMessageAction(db: Db, actor: Actor, id: string, input: TransitionInput): Promise<void> {
  if (input.action === 'reject' && !input.reason) throw badRequest('不予受理时请选择原因（reason）')
  await db.transaction().execute(async (tx) => {
    const item = await loadVisibleItem(tx, actor, id, true)
    if (item.kind !== 'message') throw conflict('该条目不是群众留言，不能执行此操作')
    const from = item.status as MessageStatus
    const transition = messageMachine.table[input.action]
    const to = messageMachine.next(from, input.action)
    if (!to) {
      throw conflict(`当前状态为「${MESSAGE_STATUS_LABELS[from]}」，不能执行「${transition.label}」`)
    }
    const ownsItem = item.author_id === actor.id
    const mayAct = transition.by.some((r) => actor.roles.includes(r) && (r !== 'citizen' || ownsItem))
    if (!mayAct) throw forbidden(`您没有权限执行「${transition.label}」`)

    const now = new Date()
    const patch: ItemUpdate = { status: to, last_activity_at: now }
    if (input.action === 'accept') patch.accepted_at = now
    if (input.action === 'reply' && !item.first_reply_at) patch.first_reply_at = now
    if (to === 'closed' || to === 'rejected') patch.closed_at = now
    if (input.action === 'reopen') patch.closed_at = null
    await tx.updateTable('item').set(patch).where('id', '=', id).execute()
    await appendEvent(tx, {
      org_id: item.org_id,
      item_id: id,
      actor_id: actor.id,
      action: input.action,
      from_status: from,
      to_status: to,
      body: input.body ?? input.note ?? null,
      reason: input.reason ?? null,
      is_public: true
    })
  })
}
