/** An access_token and when WeChat said it stops working. */
export interface StoredToken {
  value: string
  expiresAt: Date
}

/**
 * Where WechatClient keeps its access_token. `get` answers a token valid for at least
 * `marginMs` more, calling `renew` only when there is none; given `stale` (a token WeChat just
 * refused with 40001/42001) it renews unless someone already replaced that token. The database
 * store (server/services/wechat-token.ts) shares one token among all server processes and lets
 * only one of them renew at a time; this in-memory one serves a single process and the tests.
 */
export interface TokenStore {
  get(appId: string, marginMs: number, renew: (force: boolean) => Promise<StoredToken>, stale?: string): Promise<string>
}

export function memoryTokenStore(now: () => number = Date.now): TokenStore {
  const tokens = new Map<string, StoredToken>()
  const inFlight = new Map<string, Promise<StoredToken>>()
  return {
    async get(appId, marginMs, renew, stale) {
      const held = tokens.get(appId)
      if (held && held.value !== stale && held.expiresAt.getTime() > now() + marginMs) return held.value
      // One renewal at a time per appid within this process.
      let pending = inFlight.get(appId)
      if (!pending) {
        pending = renew(stale !== undefined && held?.value === stale).finally(() => inFlight.delete(appId))
        inFlight.set(appId, pending)
      }
      const fresh = await pending
      tokens.set(appId, fresh)
      return fresh.value
    }
  }
}
