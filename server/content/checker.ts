import type { WechatClient } from '../wechat/client'
import { isVerdict, labelText, type Verdict } from '../../domain/moderation/verdict'
import { wordMatcher, type WordEntry } from './word-list'

/** msg_sec_check's scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. A message or case is a forum post. */
export const SCENE_FORUM = 3

export interface TextVerdict {
  verdict: Verdict
  /** For the moderators: WeChat's label, the list's word count, or why the check could not run. */
  reason: string
}

export interface ContentChecker {
  /** `openid`: the author's WeChat id, which msg_sec_check v2 requires; null for desk accounts. */
  checkText(text: string, openid: string | null): Promise<TextVerdict>
  /** Which check is in force, for the start-up log and the README. */
  readonly mode: 'local' | 'wechat'
}

/** Dev and embedded mode: the word list, no network. */
export function localChecker(entries: readonly WordEntry[]): ContentChecker {
  const match = wordMatcher(entries)
  return {
    mode: 'local',
    async checkText(text) {
      const { verdict, words } = match(text)
      return { verdict, reason: verdict === 'pass' ? '' : `本地词库命中 ${words.length} 处` }
    }
  }
}

/**
 * Live mode: wxa/msg_sec_check v2. It needs the author's openid (a user who opened the
 * mini-program lately); a desk account signed in with a password has none, so its texts go
 * through the local list instead. WeChat unreachable or answering an error: the text is held for
 * review, never published unchecked and never lost.
 */
export function wechatChecker(client: WechatClient, fallback: ContentChecker, log: (msg: string) => void): ContentChecker {
  return {
    mode: 'wechat',
    async checkText(text, openid) {
      if (!openid) return fallback.checkText(text, null)
      try {
        const body = await client.postWithToken<{ result?: { suggest?: unknown; label?: number } }>('/wxa/msg_sec_check', { content: text, version: 2, scene: SCENE_FORUM, openid })
        const suggest = body.result?.suggest
        if (body.errcode || !isVerdict(suggest)) {
          log(`msg_sec_check answered errcode ${body.errcode ?? 'none'} (${body.errmsg ?? ''}): holding the text for review`)
          return { verdict: 'review', reason: `微信内容检测未完成（${body.errcode ?? '无结果'}），待人工审核` }
        }
        return { verdict: suggest, reason: suggest === 'pass' ? '' : `微信内容检测：${labelText(body.result?.label)}` }
      } catch (err) {
        log(`msg_sec_check failed (${err instanceof Error ? err.message : String(err)}): holding the text for review`)
        return { verdict: 'review', reason: '微信内容检测暂时不可用，待人工审核' }
      }
    }
  }
}
