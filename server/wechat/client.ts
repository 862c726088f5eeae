import { HttpError } from '../http/errors'
import { wechatError } from './errors'
import { memoryTokenStore, type TokenStore } from './token-store'

/** Renew a token this long before WeChat's expiry, so no call goes out with one about to die. */
const TOKEN_MARGIN_MS = 5 * 60_000

export interface WechatConfig {
  apiBase: string
  appId: string
  secret: string
}

export interface Code2Session {
  openid: string
  unionid?: string
}

interface WechatErrorBody {
  errcode?: number
  errmsg?: string
}

/** Speaks WeChat's server API (sns/jscode2session, cgi-bin/stable_token) at a configurable base URL. */
export class WechatClient {
  constructor(
    private readonly config: WechatConfig,
    private readonly timeoutMs = 5000,
    /** Where the token is kept: the database in the server (shared by its processes), memory by default. */
    private readonly tokens: TokenStore = memoryTokenStore()
  ) {}

  get appId(): string {
    return this.config.appId
  }

  /** The session_key stays here: zhibao issues its own token and never hands the key out. */
  async code2Session(code: string): Promise<Code2Session> {
    const url = new URL(this.config.apiBase + '/sns/jscode2session')
    url.search = new URLSearchParams({ appid: this.config.appId, secret: this.config.secret, js_code: code, grant_type: 'authorization_code' }).toString()
    const body = await this.call<Code2Session & { session_key?: string }>(url, { method: 'GET' })
    if (!body.openid) throw new HttpError(502, 'wechat_error', '微信登录未返回用户标识，请稍后再试')
    return { openid: body.openid, unionid: body.unionid }
  }

  /**
   * cgi-bin/stable_token, kept in the token store until five minutes before it expires. `stale`:
   * a token WeChat just refused (40001/42001); it is renewed with force_refresh unless the store
   * already holds a newer one.
   */
  async accessToken(stale?: string): Promise<string> {
    return this.tokens.get(this.config.appId, TOKEN_MARGIN_MS, (force) => this.fetchToken(force), stale)
  }

  private async fetchToken(forceRefresh: boolean): Promise<{ value: string; expiresAt: Date }> {
    const body = await this.call<{ access_token: string; expires_in: number }>(new URL(this.config.apiBase + '/cgi-bin/stable_token'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: this.config.appId, secret: this.config.secret, force_refresh: forceRefresh })
    })
    return { value: body.access_token, expiresAt: new Date(Date.now() + body.expires_in * 1000) }
  }

  /**
   * POST one of the APIs that take `?access_token=` (msg_sec_check, media_check_async,
   * subscribe/send, getuserphonenumber). The answer comes back with its errcode, not thrown:
   * each caller decides what a code means for it (43101 is recorded, not retried). A token
   * WeChat calls invalid or expired (40001, 42001) is renewed once and the call repeated.
   */
  async postWithToken<T extends object>(path: string, payload: unknown): Promise<T & WechatErrorBody> {
    let stale: string | undefined
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(stale)
      const url = new URL(this.config.apiBase + path)
      url.searchParams.set('access_token', token)
      const body = await this.send<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
      if (attempt === 0 && (body.errcode === 40001 || body.errcode === 42001)) {
        stale = token
        continue
      }
      return body
    }
  }

  private async send<T>(url: URL, init: RequestInit): Promise<T & WechatErrorBody> {
    let res: Response
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) })
    } catch {
      throw new HttpError(503, 'wechat_unreachable', '暂时连不上微信服务，请检查网络后重试')
    }
    const body = (await res.json().catch(() => ({}))) as T & WechatErrorBody
    if (!res.ok && !body.errcode) throw new HttpError(502, 'wechat_error', `微信服务异常（HTTP ${res.status}），请稍后再试`)
    return body
  }

  private async call<T>(url: URL, init: RequestInit): Promise<T> {
    const body = await this.send<T>(url, init)
    if (body.errcode) throw wechatError(body.errcode, body.errmsg ?? '')
    return body
  }
}
