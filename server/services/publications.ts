import type { Db } from '../db/database'
import type { Role } from '../../domain/roles'
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors'
import { PUBLISHED_DRAFT_STATUS } from '../../domain/draft'
import { beijingDay, yearOf } from '../../domain/deadlines/day'
import { pointsOf, rulesFor } from '../../domain/ledger/rules'
import { checkShares, splitPoints, type Share } from '../../domain/ledger/credits'
import { CASE_PUBLISH_ACTION, caseMovesWhenPublished } from '../../domain/ledger/cases'
import { TOPIC_YEAR_MAX, TOPIC_YEAR_MIN } from '../../domain/schemas/admin'
import type { PublicationView, PublicationsQuery, RecordPublicationBody } from '../../domain/schemas/ledger'
import * as ledger from '../repositories/ledger'
import * as pubs from '../repositories/publications'
import * as drafts from '../repositories/ledger-drafts'
import { inTransaction } from './transaction'
import { firstWriteWins } from '../repositories/create-once'
import { toMediaView, type SignMediaUrl } from '../views/media'
import { transition } from './items'
import { publishDraft } from './ledger-drafts'
import { fromCents, toCents } from './ledger-admin'

export interface LedgerWriter {
  id: string
  orgId: string
  roles: readonly Role[]
}


/** Percent shares of the draft as ledger shares; none given: the whole piece to `fallback`. */
function sharesOf(rows: { id: string | null; share_percent: number }[], fallback: string): Share[] {
  const given = rows.filter((r): r is { id: string; share_percent: number } => r.id !== null)
  return given.length ? given.map((r) => ({ id: r.id, share: r.share_percent / 100 })) : [{ id: fallback, share: 1 }]
}

/**
 * Records where an approved draft appeared, in one transaction: the draft's `publish` action
 * through its table (an already published draft may be recorded in a further outlet without a
 * transition), its cases moved to published through the case table, the points of the year's
 * rules written on the publication and split over the draft's credited authors and departments.
 */
export async function recordPublication(db: Db, actor: LedgerWriter, input: RecordPublicationBody, sign: SignMediaUrl, now = new Date()): Promise<{ publication: PublicationView; created: boolean }> {
  // A retry with the same form id gets the first record; a racing loser's transaction (the draft's
  // transition, the cases', the credits) rolls back whole.
  const clientId = input.clientId
  const find = clientId ? () => pubs.publicationIdByClientId(db, actor.orgId, actor.id, clientId) : null
  const { id, created } = await firstWriteWins(find, () => insertRecord(db, actor, input, now))
  const [view] = await listPublications(db, actor.orgId, { ids: [id] }, sign)
  return { publication: view!, created }
}

async function insertRecord(db: Db, actor: LedgerWriter, input: RecordPublicationBody, now: Date): Promise<string> {
  if (!input.link && !input.proofMediaId) throw new InvalidError('请填写发表链接，或上传截图、扫描件作为发表凭证', 'link')
  const year = yearOf(input.publishedOn)
  if (input.publishedOn > beijingDay(now)) throw new InvalidError('发表日期不能晚于今天', 'publishedOn')
  if (year < TOPIC_YEAR_MIN || year > TOPIC_YEAR_MAX) throw new InvalidError(`发表日期须在 ${TOPIC_YEAR_MIN}—${TOPIC_YEAR_MAX} 年之间`, 'publishedOn')
  return inTransaction(db, async (scope) => {
    const { tx } = scope
    const draft = await drafts.lockDraftForLedger(tx, actor.orgId, input.draftId)
    if (!draft) throw new NotFoundError('该稿件不存在')
    if (draft.status !== PUBLISHED_DRAFT_STATUS) await publishDraft(scope, actor, draft)
    const outlet = await ledger.findOutlet(tx, actor.orgId, input.outletId)
    if (!outlet || !outlet.active) throw new InvalidError('所选媒体不存在或已停用，请从媒体列表中选择', 'outletId')
    if (input.proofMediaId && !(await drafts.mediaOfOrg(tx, actor.orgId, input.proofMediaId))) throw new InvalidError('发表凭证图片不存在，请重新上传', 'proofMediaId')

    const rules = rulesFor(year, (await ledger.listRuleSets(tx, actor.orgId, year)).map((s) => s.rules))
    const leaderComment = input.leaderComment ?? false
    const adopted = input.adopted ?? false
    const deductions = input.deductions ?? []
    const points = pointsOf(rules, { type: draft.type, level: outlet.level, placement: input.placement, leaderComment, adopted, deductions })

    const credits = await drafts.draftCredits(tx, draft.id)
    const authors = sharesOf(credits.map((c) => ({ id: c.user_id, share_percent: c.share_percent })), draft.author_id)
    const departments = sharesOf(credits.map((c) => ({ id: c.department_id, share_percent: c.share_percent })), draft.department_id)
    try {
      checkShares(authors, '作者', 'credits')
      checkShares(departments, '部门', 'credits')
    } catch (err) {
      throw new ConflictError(`稿件的署名比例有误：${(err as Error).message}，请先修改稿件署名`, { draftId: draft.id }, 'bad_credits')
    }

    const cases = await drafts.draftCases(tx, actor.orgId, draft.id)
    for (const c of cases) if (caseMovesWhenPublished(c.status)) await transition(scope, actor, c.id, { action: CASE_PUBLISH_ACTION, version: c.version })

    return pubs.insertPublication(
      tx,
      {
        org_id: actor.orgId,
        draft_id: draft.id,
        type: draft.type,
        title: draft.title,
        outlet_id: outlet.id,
        outlet_level: outlet.level,
        channel: input.channel,
        placement: input.placement,
        published_on: input.publishedOn,
        year,
        link: input.link ?? null,
        proof_media_id: input.proofMediaId ?? null,
        leader_comment: leaderComment,
        adopted,
        deductions,
        topics: draft.topics,
        case_count: cases.length,
        first_case_at: cases[0]?.created_at ?? null,
        points_cents: toCents(points),
        rule_year: rules.year,
        recorded_by: actor.id,
        client_id: input.clientId ?? null
      },
      [
        ...splitPoints(points, authors).map((p, i) => ({ user_id: p.id, department_id: null, share_bp: Math.round(p.share * 10000), points_cents: toCents(p.points), position: i })),
        ...splitPoints(points, departments).map((p, i) => ({ user_id: null, department_id: p.id, share_bp: Math.round(p.share * 10000), points_cents: toCents(p.points), position: i }))
      ]
    )
  })
}

export async function listPublications(db: Db, orgId: string, q: PublicationsQuery & { ids?: readonly string[] }, sign: SignMediaUrl): Promise<PublicationView[]> {
  const rows = await pubs.listPublications(db, orgId, q)
  const [credits, proofs] = await Promise.all([pubs.creditsOf(db, rows.map((r) => r.id)), pubs.proofMedia(db, orgId, rows.flatMap((r) => (r.proof_media_id ? [r.proof_media_id] : [])))])
  return rows.map((r) => ({
    id: r.id,
    draftId: r.draft_id,
    title: r.title,
    type: r.type,
    outlet: { id: r.outlet_id, name: r.outlet_name, level: r.outlet_level },
    channel: r.channel,
    placement: r.placement,
    publishedOn: r.published_on,
    link: r.link,
    proofMediaId: r.proof_media_id,
    proof: (() => {
      const m = r.proof_media_id ? proofs.find((p) => p.id === r.proof_media_id) : undefined
      return m ? toMediaView(m, sign) : null
    })(),
    leaderComment: r.leader_comment,
    adopted: r.adopted,
    deductions: r.deductions,
    topics: r.topics,
    points: fromCents(r.points_cents),
    ruleYear: r.rule_year,
    credits: credits
      .filter((c) => c.publication_id === r.id)
      .map((c) => ({
        kind: c.user_id ? ('author' as const) : ('department' as const),
        id: (c.user_id ?? c.department_id)!,
        name: (c.user_name ?? c.department_name) ?? '',
        share: c.share_bp / 10000,
        points: fromCents(c.points_cents)
      })),
    recordedAt: r.recorded_at.toISOString()
  }))
}
