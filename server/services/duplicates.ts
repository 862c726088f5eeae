import type { Db } from '../db/database'
import type { DuplicateCandidate } from '../../domain/schemas/triage'
import {
  DUPLICATE_WINDOW_DAYS,
  DUPLICATES_SHOWN,
  scoreDuplicate,
  textBigrams,
  type DuplicateSide
} from '../../domain/duplicates'
import { ITEM_MACHINES } from '../../domain/item-kinds'
import { MERGE_ACTION, MERGED_STATUS } from '../../domain/message/state-machine'
import { loadVisibleItem, type Actor } from '../repositories/items'
import { duplicatePool, duplicateSource, type DuplicateRow } from '../repositories/duplicates'

/** How many candidates the database hands over for scoring (the most bigrams in common first). */
const POOL = 200
const DAY = 86_400_000

// 同一留言人 would tell staff who sent an anonymous tip-off: it stands as its own author.
const side = (r: DuplicateRow): DuplicateSide => ({ id: r.id, authorId: r.anonymous ? `anonymous:${r.id}` : r.author_id, createdAt: r.created_at, text: r.text ?? '', phone: r.phone, address: r.address })

function excerpt(text: string, max = 80): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('')
}

/**
 * Likely duplicates of an item among its bureau's items: gathered through indexes, scored by
 * domain/duplicates.ts, best first. Merged items are left out: they already point elsewhere.
 */
export async function findDuplicates(db: Db, actor: Actor, id: string): Promise<DuplicateCandidate[]> {
  const item = await loadVisibleItem(db, actor, id)
  const src = await duplicateSource(db, item)
  const from = new Date(item.created_at.getTime() - DUPLICATE_WINDOW_DAYS * DAY)
  const to = new Date(item.created_at.getTime() + DUPLICATE_WINDOW_DAYS * DAY)
  const pool = await duplicatePool(
    db,
    { id: item.id, orgId: actor.orgId, authorId: item.author_id, phone: src.phone, from, to, bigrams: textBigrams(src.text ?? ''), excludeStatus: MERGED_STATUS },
    POOL
  )
  // Whether this item may be merged into a candidate: the table's merge from here, into one of the same kind still worked on.
  const machine = ITEM_MACHINES[item.kind]
  const canMerge = machine.isAction(MERGE_ACTION) && machine.next(item.status, MERGE_ACTION) !== null
  return pool
    .map((r) => ({ r, s: scoreDuplicate(side(src), side(r)) }))
    .filter((x): x is { r: DuplicateRow; s: NonNullable<typeof x.s> } => x.s !== null)
    .sort((a, b) => b.s.score - a.s.score || b.r.created_at.getTime() - a.r.created_at.getTime())
    .slice(0, DUPLICATES_SHOWN)
    .map(({ r, s }) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      excerpt: excerpt(r.kind === 'case' && r.title ? (r.text ?? '').slice(r.title.length) : (r.text ?? '')),
      trackingCode: r.tracking_code,
      status: r.status as DuplicateCandidate['status'],
      createdAt: r.created_at.toISOString(),
      score: s.score,
      reasons: s.reasons,
      mergeable: canMerge && r.kind === item.kind && ITEM_MACHINES[r.kind].buckets[r.status] !== 'closed'
    }))
}
