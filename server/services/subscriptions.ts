import type { Db } from '../db/database'
import type { SubscriptionsBody, SubscriptionsView } from '../../domain/schemas/follow-up'
import type { SubscribeTemplates } from '../wechat/subscribe-templates'
import { NotFoundError } from '../../domain/errors'
import { loadVisibleItem, type Actor } from '../repositories/items'
import { insertGrants, unusedGrantCounts } from '../repositories/subscribe-grants'
import { inTransaction } from './transaction'

/** The template ids the server sends (what the app asks requestSubscribeMessage for). */
export const configuredTemplateIds = (templates: SubscribeTemplates) => [...new Set(Object.values(templates).map((t) => t!.id))]

/**
 * The author's acceptances from requestSubscribeMessage, one grant per accepted template:
 * one-time templates allow one message per acceptance. Ids the server does not send are
 * ignored (an old app build may ask for a template since retired).
 */
export async function recordSubscriptions(db: Db, actor: Actor, itemId: string, body: SubscriptionsBody, templates: SubscribeTemplates): Promise<SubscriptionsView> {
  const known = new Set(configuredTemplateIds(templates))
  return inTransaction(db, async (scope) => {
    const item = await loadVisibleItem(scope.tx, actor, itemId)
    // Only the author hears of their message; staff see it but may not subscribe for them.
    if (item.author_id !== actor.id || item.kind !== 'message') throw new NotFoundError('留言不存在，或不是您提交的')
    const accepted = body.templateIds.filter((id) => known.has(id))
    await insertGrants(scope.tx, accepted.map((template_id) => ({ org_id: item.org_id, item_id: item.id, user_id: actor.id, template_id })))
    return { recorded: accepted.length, unused: await unusedGrantCounts(scope.tx, item.id) }
  })
}
