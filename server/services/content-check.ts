import type { DbOrTx } from '../db/database'
import type { ContentChecker } from '../content/checker'
import { InvalidError } from '../../domain/errors'
import { itemModerationFor, type ItemModeration } from '../../domain/moderation/item'
import { worst, type Verdict } from '../../domain/moderation/verdict'

/** One free-text field of a submission: what the form calls it, so a refusal can name it. */
export interface TextPart {
  field: string
  label: string
  text: string | null | undefined
}

export interface Screened {
  moderation: ItemModeration
  /** For the moderation queue: which parts were held and why; null when clear. */
  note: string | null
}

/**
 * The content check of one submission, BEFORE anything is stored: every non-empty part is
 * checked (in parallel). A risky part refuses the whole submission, naming the part but not the
 * word (400, nothing stored); a part to review holds the item for staff; otherwise it is clear.
 */
export async function screenTexts(db: DbOrTx, checker: ContentChecker, authorId: string, parts: readonly TextPart[]): Promise<Screened> {
  const present = parts.filter((p) => p.text && p.text.trim())
  if (!present.length) return { moderation: itemModerationFor('pass'), note: null }
  const author = await db.selectFrom('app_user').select('wechat_openid').where('id', '=', authorId).executeTakeFirst()
  const results = await Promise.all(present.map(async (p) => ({ part: p, ...(await checker.checkText(p.text!, author?.wechat_openid ?? null)) })))
  const risky = results.find((r) => r.verdict === 'risky')
  if (risky) throw new InvalidError(`「${risky.part.label}」含有不宜发布的内容，请修改后再提交`, risky.part.field, 'content_risky')
  const verdict = results.reduce<Verdict>((v, r) => worst(v, r.verdict), 'pass') as Exclude<Verdict, 'risky'>
  const held = results.filter((r) => r.verdict === 'review')
  return { moderation: itemModerationFor(verdict), note: held.length ? held.map((r) => `${r.part.label}：${r.reason}`).join('；') : null }
}
