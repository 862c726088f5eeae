import type { Db } from '../db/database'
import { CONTACT_REVEAL_EVENT, CONTACT_REVEAL_ROLES } from '../../domain/message/contact'
import { ConflictError, ForbiddenError } from '../../domain/errors'
import { hasAnyRole } from '../../domain/roles'
import { appendEvent } from '../repositories/events'
import { loadVisibleItem, type Actor } from '../repositories/items'
import { messageContact } from '../repositories/messages'
import { mayRevealContact } from '../views/mask'
import { inTransaction } from './transaction'

/**
 * 查看完整号码: hands one staff member a citizen's full number and records that they saw it, in
 * one transaction, so no number leaves without its internal event (who, when). The item is not
 * changed (no version bump: a colleague's open form does not turn stale because someone called).
 */
export async function revealContact(db: Db, actor: Actor, id: string): Promise<string> {
  return inTransaction(db, async (scope) => {
    const item = await loadVisibleItem(scope.tx, actor, id)
    if (!hasAnyRole(actor.roles, CONTACT_REVEAL_ROLES)) throw new ForbiddenError('您的角色不能查看完整号码，请联系宣传人员或管理员')
    const contact = await messageContact(scope.tx, actor.orgId, item.id)
    if (!contact || !mayRevealContact(actor.roles, contact)) {
      throw new ConflictError(contact?.anonymous ? '这是匿名举报，没有可查看的联系方式' : '此留言没有留联系电话', { anonymous: Boolean(contact?.anonymous) }, 'no_contact')
    }
    await appendEvent(scope.tx, {
      org_id: item.org_id,
      item_id: item.id,
      actor_id: actor.id,
      action: CONTACT_REVEAL_EVENT,
      from_status: null,
      to_status: null,
      is_public: false,
      item_version: item.version
    })
    return contact.contact_phone!
  })
}
