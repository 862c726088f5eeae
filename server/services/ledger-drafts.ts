import type { TxScope } from './transaction'
import type { Role } from '../../domain/roles'
import { PUBLISH_ACTION } from '../../domain/draft'
import { applyDraftAction } from './drafts'

/**
 * The draft's `publish` action, taken by the ledger inside the transaction that records the
 * publication: through the drafts service, so the table decides (status approved, writer roles,
 * the version seen) and the writer and reviewers hear of it as of any other step.
 */
export async function publishDraft(scope: TxScope, actor: { id: string; orgId: string; roles: readonly Role[] }, draft: { id: string; version: number }) {
  await applyDraftAction(scope, { ...actor, departmentId: null }, draft.id, { action: PUBLISH_ACTION, version: draft.version })
}
