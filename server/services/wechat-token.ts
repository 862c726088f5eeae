import type { Db } from '../db/database'
import type { TokenStore } from '../wechat/token-store'
import { lockWechatToken, readWechatToken, saveWechatToken } from '../repositories/wechat-token'
import { inTransaction } from './transaction'

/**
 * The access_token in the database (`wechat_token`), so every server process uses the same one:
 * stable_token hands out one token per appid, and a process renewing it with force_refresh
 * would otherwise invalidate the token its neighbours still hold. A valid row is read without a
 * lock; a renewal takes the appid's advisory lock, re-reads (another process may have renewed
 * while this one waited) and only then asks WeChat, so racing processes call it once.
 */
export function dbTokenStore(db: Db, now: () => number = Date.now): TokenStore {
  const usable = (row: { access_token: string; expires_at: Date } | undefined, marginMs: number, stale?: string) =>
    row && row.access_token !== stale && row.expires_at.getTime() > now() + marginMs ? row.access_token : null
  return {
    async get(appId, marginMs, renew, stale) {
      const fast = usable(await readWechatToken(db, appId), marginMs, stale)
      if (fast) return fast
      return inTransaction(db, async ({ tx }) => {
        await lockWechatToken(tx, appId)
        const row = await readWechatToken(tx, appId)
        const current = usable(row, marginMs, stale)
        if (current) return current
        const fresh = await renew(stale !== undefined && row?.access_token === stale)
        await saveWechatToken(tx, appId, fresh.value, fresh.expiresAt)
        return fresh.value
      })
    }
  }
}
