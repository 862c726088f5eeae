import type { Db } from '../db/database'
import type { BoardEntry } from '../db/tables/board-entry'
import type { Role } from '../../domain/roles'
import type {
  ApproveBoardBody,
  BoardPreview,
  BoardProposalList,
  BoardProposalQuery,
  BoardProposalView,
  BoardTextView,
  EditBoardBody,
  ProposeBoardBody,
  PublicBoardEntry,
  PublicBoardList,
  PublicBoardQuery
} from '../../domain/schemas/board'
import { BOARD_APPROVE, BOARD_DECLINE, BOARD_EDIT, BOARD_WITHDRAW, BOARD_ELIGIBLE_MESSAGE_STATUSES, BOARD_PROPOSE_EVENT, BOARD_PROPOSER_ROLES, boardMachine, type BoardAction, type BoardStatus } from '../../domain/board/state-machine'
import { autoPublicText, buildPublicText, unmaskedFindings, type PublicText } from '../../domain/board/public-text'
import type { MessageStatus } from '../../domain/message/state-machine'
import type { PrivacySpan } from '../../domain/privacy/types'
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../../domain/errors'
import { hasAnyRole } from '../../domain/roles'
import {
  findBoardSource,
  findLiveEntryOf,
  findPublished,
  insertBoardEntry,
  listBoardEntries,
  listPublished,
  loadBoardEntry,
  trackingCodes,
  updateBoardEntry,
  userNames,
  type BoardSource,
  type PublicRow
} from '../repositories/board'
import { inTransaction } from './transaction'

export interface BoardActor {
  id: string
  orgId: string
  roles: readonly Role[]
}

/**
 * Why a message may not go on the board, or null. Only a message, only one that was answered,
 * only with its author's consent.
 */
function refusalOf(src: BoardSource): string | null {
  if (src.kind !== 'message') return '只有群众留言可以选登，事例不能选登'
  if (!src.publicConsent) return '留言人未同意公开，不能选登'
  if (!(BOARD_ELIGIBLE_MESSAGE_STATUSES as readonly string[]).includes(src.status) || !src.reply) return '留言答复后才能选登'
  return null
}

const textView = (t: PublicText): BoardTextView => ({ text: t.text, spans: t.spans, public: t.public, unmasked: unmaskedFindings(t.text, t.spans) })
const stored = (text: string, spans: PrivacySpan[], pub: string): PublicText => ({ text, spans, public: pub })

function allowedFor(actor: BoardActor, entry: BoardEntry): BoardAction[] {
  return boardMachine.allowed(entry.status, actor.roles).filter((a) => {
    const checked = boardMachine.table[a].guard?.({ actorId: actor.id, status: entry.status, inputs: {}, history: historyOf(entry) })
    return !checked
  })
}

/** What the table's guards read: who proposed the entry. */
const historyOf = (entry: BoardEntry) => [{ action: BOARD_PROPOSE_EVENT, actorId: entry.proposed_by }]

async function toViews(db: Db, actor: BoardActor, rows: BoardEntry[]): Promise<BoardProposalView[]> {
  const [names, codes] = await Promise.all([userNames(db, actor.orgId, rows.flatMap((r) => [r.proposed_by, r.decided_by, r.withdrawn_by])), trackingCodes(db, rows.map((r) => r.item_id))])
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null)
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    trackingCode: codes.get(r.item_id) ?? '',
    category: r.category,
    status: r.status,
    version: r.version,
    question: textView(stored(r.question_text, r.question_spans, r.question_public)),
    answer: textView(stored(r.answer_text, r.answer_spans, r.answer_public)),
    proposedBy: person(r.proposed_by),
    proposedAt: r.proposed_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    decidedBy: person(r.decided_by),
    decidedAt: r.decided_at?.toISOString() ?? null,
    publishedAt: r.published_at?.toISOString() ?? null,
    reason: r.reason,
    withdrawnBy: person(r.withdrawn_by),
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    allowedActions: allowedFor(actor, r)
  }))
}

const one = async (db: Db, actor: BoardActor, row: BoardEntry) => (await toViews(db, actor, [row]))[0]!

/** The table's verdict on an action, thrown as its domain error. */
function check(actor: BoardActor, entry: BoardEntry, action: BoardAction, inputs: { reason?: string } = {}): BoardStatus {
  const verdict = boardMachine.check({ status: entry.status, action, roles: actor.roles, inputs, context: { actorId: actor.id, history: historyOf(entry) } })
  if ('error' in verdict) throw verdict.error
  return verdict.to
}

function checkVersion(entry: BoardEntry, version: number): void {
  if (version === entry.version) return
  throw new ConflictError(
    `公开内容在您打开后已被修改（当前第 ${entry.version} 版，您看到的是第 ${version} 版），请刷新后查看最新内容再操作`,
    { currentVersion: entry.version, yourVersion: version, status: entry.status },
    'stale_version'
  )
}

const toPublic = (r: PublicRow): PublicBoardEntry => ({
  id: r.id,
  category: r.category,
  question: r.question_public,
  answer: r.answer_public,
  askedAt: r.asked_at.toISOString(),
  publishedAt: r.published_at.toISOString()
})

export const board = {
  /** The desk item page's section: may this message be proposed, and what the masker would show. */
  async preview(db: Db, actor: BoardActor, itemId: string): Promise<BoardPreview> {
    const src = await findBoardSource(db, actor.orgId, itemId)
    if (!src) throw new NotFoundError('内容不存在，或您无权查看')
    const live = await findLiveEntryOf(db, actor.orgId, itemId)
    const refusal = refusalOf(src)
    return {
      refusal,
      entryId: live?.id ?? null,
      question: refusal ? null : textView(autoPublicText(src.body)),
      answer: refusal ? null : textView(autoPublicText(src.reply!))
    }
  },

  propose(db: Db, actor: BoardActor, itemId: string, body: ProposeBoardBody): Promise<BoardProposalView> {
    return inTransaction(db, async ({ tx }) => {
      if (!hasAnyRole(actor.roles, BOARD_PROPOSER_ROLES)) throw new ForbiddenError('您没有权限提议选登')
      const src = await findBoardSource(tx, actor.orgId, itemId, true)
      if (!src) throw new NotFoundError('内容不存在，或您无权查看')
      const refusal = refusalOf(src)
      if (refusal) throw new ConflictError(refusal, { status: src.status, publicConsent: src.publicConsent }, 'not_eligible')
      const question = body.question ? buildPublicText(body.question.text, body.question.spans, 'question') : autoPublicText(src.body)
      const answer = body.answer ? buildPublicText(body.answer.text, body.answer.spans, 'answer') : autoPublicText(src.reply!)
      const row = await insertBoardEntry(tx, {
        org_id: actor.orgId,
        item_id: itemId,
        status: boardMachine.initial.status,
        category: src.category,
        ...columns(question, answer),
        proposed_by: actor.id,
        updated_by: actor.id
      })
      return row
    }).then((row) => one(db, actor, row))
  },

  async get(db: Db, actor: BoardActor, id: string): Promise<BoardProposalView> {
    return one(db, actor, await loadBoardEntry(db, actor.orgId, id))
  },

  async list(db: Db, actor: BoardActor, query: BoardProposalQuery): Promise<BoardProposalList> {
    const { rows, nextCursor } = await listBoardEntries(db, actor.orgId, query)
    return { items: await toViews(db, actor, rows), nextCursor }
  },

  edit(db: Db, actor: BoardActor, id: string, body: EditBoardBody): Promise<BoardProposalView> {
    return inTransaction(db, async ({ tx }) => {
      const entry = await loadBoardEntry(tx, actor.orgId, id, true)
      check(actor, entry, BOARD_EDIT)
      checkVersion(entry, body.version)
      const question = buildPublicText(body.question.text, body.question.spans, 'question')
      const answer = buildPublicText(body.answer.text, body.answer.spans, 'answer')
      return updateBoardEntry(tx, id, { ...columns(question, answer), version: entry.version + 1, updated_by: actor.id, updated_at: new Date() })
    }).then((row) => one(db, actor, row))
  },

  /** Publishes exactly the version the reviewer read; a later correction makes it stale (409). */
  approve(db: Db, actor: BoardActor, id: string, body: ApproveBoardBody): Promise<BoardProposalView> {
    return inTransaction(db, async ({ tx }) => {
      const entry = await loadBoardEntry(tx, actor.orgId, id, true)
      const to = check(actor, entry, BOARD_APPROVE)
      checkVersion(entry, body.version)
      // The message may have changed since the proposal (reopened, consent taken back).
      const src = await findBoardSource(tx, actor.orgId, entry.item_id, true)
      const refusal = src ? refusalOf(src) : '留言已不存在'
      if (refusal) throw new ConflictError(`${refusal}，不能批准`, { status: src?.status as MessageStatus | undefined }, 'not_eligible')
      const now = new Date()
      return updateBoardEntry(tx, id, { status: to, decided_by: actor.id, decided_at: now, published_at: now })
    }).then((row) => one(db, actor, row))
  },

  decide(db: Db, actor: BoardActor, id: string, action: typeof BOARD_DECLINE | typeof BOARD_WITHDRAW, reason: string): Promise<BoardProposalView> {
    return inTransaction(db, async ({ tx }) => {
      const entry = await loadBoardEntry(tx, actor.orgId, id, true)
      if (!reason.trim()) throw new InvalidError('请填写原因', 'reason')
      const to = check(actor, entry, action, { reason })
      const now = new Date()
      const who = action === BOARD_WITHDRAW ? { withdrawn_by: actor.id, withdrawn_at: now } : { decided_by: actor.id, decided_at: now }
      return updateBoardEntry(tx, id, { status: to, ...who, reason: reason.trim() })
    }).then((row) => one(db, actor, row))
  },

  // ————— The public side: no login; the bureau is the server's own —————

  async publicList(db: Db, orgId: string, query: PublicBoardQuery): Promise<PublicBoardList> {
    const { rows, nextCursor } = await listPublished(db, orgId, query)
    return { items: rows.map(toPublic), nextCursor }
  },

  async publicGet(db: Db, orgId: string, id: string): Promise<PublicBoardEntry> {
    return toPublic(await findPublished(db, orgId, id))
  }
}

function columns(question: PublicText, answer: PublicText) {
  return {
    question_text: question.text,
    question_spans: JSON.stringify(question.spans),
    question_public: question.public,
    answer_text: answer.text,
    answer_spans: JSON.stringify(answer.spans),
    answer_public: answer.public
  }
}
