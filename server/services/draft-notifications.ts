import type { Draft } from '../db/tables/draft'
import type { NotificationKind } from '../../domain/notifications'
import { DRAFT_SUBJECT, REVIEW_STAGE_LABELS, RETURN_ACTION, STAGE_APPROVE_ACTION, isReviewStage, type DraftAction } from '../../domain/draft'
import { insertNotifications } from '../repositories/notifications'
import { stageReviewerIds } from '../repositories/drafts'
import type { TxScope } from './transaction'

/**
 * The bell for the 三审, in the transaction of the action that caused it: the next stage's
 * reviewers hear that a draft waits for them (待我审核); the writer hears of a return (with the
 * comment) and of the final approval. One per event and person (the event id is the key).
 */
export async function notifyDraft(scope: TxScope, draft: Draft, change: { action: DraftAction; actorId: string; eventId: string; comment: string | null }): Promise<void> {
  let kind: NotificationKind | null = null
  let userIds: string[] = []
  let body: string | null = null
  if (isReviewStage(draft.status)) {
    kind = 'review_requested'
    userIds = (await stageReviewerIds(scope.tx, draft.org_id, draft.department_id, draft.status)).filter((u) => u !== draft.author_id)
    body = `「${draft.title}」待${REVIEW_STAGE_LABELS[draft.status]}`
  } else if (change.action === RETURN_ACTION) {
    kind = 'draft_returned'
    userIds = [draft.author_id]
    body = `「${draft.title}」被退回：${change.comment ?? ''}`
  } else if (change.action === STAGE_APPROVE_ACTION.final_review) {
    kind = 'draft_approved'
    userIds = [draft.author_id]
    body = `「${draft.title}」已通过终审`
  }
  if (!kind) return
  const users = [...new Set(userIds)].filter((u) => u !== change.actorId)
  await insertNotifications(
    scope.tx,
    users.map((userId) => ({
      org_id: draft.org_id,
      user_id: userId,
      kind: kind!,
      item_id: null,
      subject_type: DRAFT_SUBJECT,
      subject_id: draft.id,
      actor_id: change.actorId,
      body: body!.slice(0, 200),
      dedupe_key: `${kind}:${change.eventId}:${userId}`
    }))
  )
}
