import type { Db } from '../db/database'
import { hasAnyRole } from '../../domain/roles'
import { INBOX_ROLES } from '../../domain/desk'
import { ConflictError, ForbiddenError, InvalidError } from '../../domain/errors'
import { draftMachine, isReviewStage } from '../../domain/draft'
import type { AcknowledgeBody, CommentBody } from '../../domain/schemas/draft'
import { acknowledgeFlag, getVersion, insertComment, loadDraft, resolveComment, stageReviewerIds } from '../repositories/drafts'
import { inTransaction } from './transaction'
import type { DraftActor } from './drafts'

const assertDesk = (actor: DraftActor) => {
  if (!hasAnyRole(actor.roles, INBOX_ROLES)) throw new ForbiddenError('只有宣传人员和审核人可以批注稿件')
}

/** A comment on one paragraph (block id) of one version, or on the whole draft when no anchor. */
export async function addComment(db: Db, actor: DraftActor, id: string, input: CommentBody): Promise<string> {
  assertDesk(actor)
  return inTransaction(db, async (scope) => {
    const draft = await loadDraft(scope.tx, actor.orgId, id)
    const version = await getVersion(scope.tx, draft.id, input.version)
    if (input.anchor && !version.content.blocks.some((b) => b.id === input.anchor)) throw new InvalidError(`第 ${input.version} 版中没有这一段，请刷新后重试`, 'anchor')
    const { id: commentId } = await insertComment(scope.tx, { org_id: actor.orgId, draft_id: draft.id, version: input.version, anchor: input.anchor ?? null, author_id: actor.id, body: input.body })
    return commentId
  })
}

export async function resolveDraftComment(db: Db, actor: DraftActor, id: string, commentId: string): Promise<void> {
  assertDesk(actor)
  await inTransaction(db, async (scope) => {
    const draft = await loadDraft(scope.tx, actor.orgId, id)
    await resolveComment(scope.tx, draft.id, commentId, actor.id)
  })
}

/**
 * A reviewer of the stage the draft is at acknowledges a flag of its current version (who, when
 * and why are kept; the approval sheet lists them). Editing the text away resolves a flag instead.
 */
export async function acknowledgeDraftFlag(db: Db, actor: DraftActor, id: string, flagId: string, input: AcknowledgeBody): Promise<void> {
  assertDesk(actor)
  await inTransaction(db, async (scope) => {
    const draft = await loadDraft(scope.tx, actor.orgId, id, true)
    if (!isReviewStage(draft.status)) throw new ConflictError(`稿件「${draftMachine.statusLabels[draft.status]}」时不能确认检查提示；审核中的稿件由审核人确认`, { status: draft.status }, 'not_in_review')
    const reviewers = await stageReviewerIds(scope.tx, actor.orgId, draft.department_id, draft.status)
    if (draft.author_id === actor.id || !reviewers.includes(actor.id)) throw new ForbiddenError(`检查提示由本稿件「${draftMachine.statusLabels[draft.status]}」环节的审核人确认`, 'not_stage_reviewer')
    await acknowledgeFlag(scope.tx, draft.id, draft.version, flagId, actor.id, input.note)
  })
}

