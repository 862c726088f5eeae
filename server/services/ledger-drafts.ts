import type { TxScope } from './transaction'
import type { Role } from '../../domain/roles'
import { draftMachine, PUBLISH_ACTION } from '../../domain/draft'

/**
 * The draft's `publish` action, taken by the ledger inside the transaction that records the
 * publication. The table decides (status approved, writer roles); the draft's row is already
 * locked by the caller.
 *
 * TEMPORARY: the drafts slice (h5) exports `applyDraftAction` from server/services/drafts.ts
 * for exactly this; until it is merged this applies the table here. Swap the body for
 * `applyDraftAction(scope, actor, draft.id, { action: PUBLISH_ACTION, version: draft.version })`.
 */
export async function publishDraft(scope: TxScope, actor: { id: string; orgId: string; roles: readonly Role[] }, draft: { id: string; status: string; version: number }) {
  const status = draftMachine.isStatus(draft.status) ? draft.status : draftMachine.initial.status
  const checked = draftMachine.check({ status, action: PUBLISH_ACTION, roles: actor.roles, inputs: {}, context: { actorId: actor.id, history: [] } })
  if ('error' in checked) throw checked.error
  const at = new Date()
  await scope.tx.updateTable('draft').set({ status: checked.to, published_at: at, updated_at: at }).where('id', '=', draft.id).execute()
  await scope.tx
    .insertInto('draft_event')
    .values({ org_id: actor.orgId, draft_id: draft.id, actor_id: actor.id, action: PUBLISH_ACTION, from_status: status, to_status: checked.to, stage: null, comment: null, reason: null, version: draft.version })
    .execute()
}
