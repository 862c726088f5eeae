import type { Db } from '../db/database'
import type { WechatClient } from '../wechat/client'
import type { SubscribeTemplate, SubscribeTemplates } from '../wechat/subscribe-templates'
import type { SubscribeStatus } from '../../domain/message/subscribe'
import { MESSAGE_CATEGORY_LABELS, type MessageCategory } from '../../domain/message/categories'
import { MESSAGE_STATUS_LABELS, type MessageStatus } from '../../domain/message/state-machine'
import { claimGrant, recordOutcome, subscribeFacts } from '../repositories/subscribe-grants'
import { inTransaction } from '../services/transaction'

export const SUBSCRIBE_QUEUE = 'subscribe-send'
/** The page a subscribe message opens (the citizen's 我的留言, src/services/routes.ts). */
export const SUBSCRIBE_PAGE = 'citizen/pages/my-messages/index'

export interface SubscribeJob {
  itemId: string
  status: SubscribeStatus
  /** When the change happened: with the status, the key that spends one grant on it. */
  at: string
}

/** WeChat's answers that a later attempt may get past: system busy, quota per minute or day. */
const TRANSIENT = new Set([-1, 45009, 45011])
/** 43101: the user did not subscribe, or the one-time grant is used up; not retried. */
export const NOT_SUBSCRIBED = 43101

export class TransientSendError extends Error {}

export type SendOutcome = { outcome: 'sent' | 'refused'; errcode: number | null } | { outcome: 'no_grant' } | { outcome: 'gone' }

/** Field prefixes of WeChat's template data and how long each may be (characters). */
const FIELD_MAX: [RegExp, number][] = [
  [/^thing/, 20],
  [/^character_string/, 32],
  [/^phrase/, 5],
  [/^name/, 10]
]
const cut = (field: string, value: string) => {
  const max = FIELD_MAX.find(([re]) => re.test(field))?.[1]
  const chars = Array.from(value.replace(/\s+/g, ' ').trim())
  return max !== undefined && chars.length > max ? chars.slice(0, max - 1).join('') + '…' : chars.join('')
}
const beijingMinute = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

function templateData(t: SubscribeTemplate, facts: NonNullable<Awaited<ReturnType<typeof subscribeFacts>>>, status: SubscribeStatus, at: Date) {
  const values = {
    trackingCode: facts.tracking_code,
    category: MESSAGE_CATEGORY_LABELS[facts.category as MessageCategory] ?? facts.category,
    status: MESSAGE_STATUS_LABELS[status as MessageStatus],
    summary: facts.body || `您的留言${MESSAGE_STATUS_LABELS[status as MessageStatus]}，请进入小程序查看`,
    at: beijingMinute(facts.at ?? at)
  }
  return Object.fromEntries(Object.entries(t.fields).map(([field, v]) => [field, { value: cut(field, values[v]) }]))
}

export interface SubscribeDeps {
  db: Db
  wechat: WechatClient
  templates: SubscribeTemplates
  miniprogramState: 'developer' | 'trial' | 'formal'
}

/**
 * Sends one subscribe message for one change, spending one grant. The grant is claimed (and
 * committed) before WeChat is called, keyed by the change, so a retry after a transient error
 * spends the same grant and a rerun after success sends nothing more. Transient errors throw
 * (pg-boss retries with backoff); 43101 and other refusals are recorded and end there.
 */
export async function sendSubscribe(deps: SubscribeDeps, job: SubscribeJob, now = new Date()): Promise<SendOutcome> {
  const template = deps.templates[job.status]
  if (!template) return { outcome: 'no_grant' }
  const key = `${job.status}@${job.at}`
  const grant = await inTransaction(deps.db, (scope) => claimGrant(scope.tx, job.itemId, template.id, key, now))
  if (!grant) return { outcome: 'no_grant' }
  if (grant.outcome) return { outcome: grant.outcome, errcode: grant.errcode }
  const facts = await subscribeFacts(deps.db, job.itemId, job.status)
  if (!facts) return { outcome: 'gone' }
  if (!facts.wechat_openid) {
    // Signed in without WeChat (dev or H5): nobody to send to.
    await recordOutcome(deps.db, grant.id, 'refused', null)
    return { outcome: 'refused', errcode: null }
  }
  let answer: { errcode?: number; errmsg?: string }
  try {
    answer = await deps.wechat.postWithToken('/cgi-bin/message/subscribe/send', {
      touser: facts.wechat_openid,
      template_id: template.id,
      page: `${SUBSCRIBE_PAGE}?id=${job.itemId}`,
      data: templateData(template, facts, job.status, new Date(job.at)),
      miniprogram_state: deps.miniprogramState,
      lang: 'zh_CN'
    })
  } catch (err) {
    // No answer (network, timeout, token endpoint down): try again later.
    throw new TransientSendError(`subscribe/send unreachable: ${err instanceof Error ? err.message : String(err)}`)
  }
  const code = answer.errcode ?? 0
  if (TRANSIENT.has(code)) throw new TransientSendError(`subscribe/send errcode ${code}: ${answer.errmsg ?? ''}`)
  const outcome = code === 0 ? 'sent' : 'refused'
  await recordOutcome(deps.db, grant.id, outcome, code === 0 ? null : code)
  return { outcome, errcode: code === 0 ? null : code }
}
