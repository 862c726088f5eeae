import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in for api.weixin.qq.com on 127.0.0.1 that answers with the documented request and
 * response shapes and errcodes. Codes the tests send decide the answer:
 *   `ok:<openid>`  → { openid, session_key }
 *   `used`/`bad…`  → 40029 invalid code
 *   `busy`         → 45011 rate limit
 *   `system`       → -1 system busy
 * (getuserphonenumber has codes of its own, below.)
 *
 * access_token (cgi-bin/stable_token): one token per appid, answered again while it is valid
 * unless force_refresh; `tokens.expiresIn` sets the lifetime handed out, `tokens.expireAll()`
 * makes every token so far answer 42001 and `tokens.invalidateAll()` 40001, as WeChat does when
 * another party renewed it. APIs taking `?access_token=` check it first.
 *
 * wxa/msg_sec_check v2: the content decides: containing `FAKE_RISKY` → risky (label 20001),
 * `FAKE_REVIEW` → review (label 20006), otherwise pass.
 * wxa/media_check_async v2: answers a trace_id and records the request in `mediaChecks`; a test
 * then calls `postMediaCheckEvent` to deliver the signed callback event to the app.
 * cgi-bin/message/subscribe/send decides by `touser` (the openid):
 *   `o-43101…`     → 43101 user refused / subscription used up
 *   `o-bad…`       → 40003 invalid openid
 *   `o-flaky…`     → -1 system busy on the first call for that openid, then ok
 *   anything else  → ok ({ errcode: 0, errmsg: 'ok' }); a body without touser, template_id or
 *                    data is 47001 (data format error)
 */
export interface FakeWechat {
  baseUrl: string
  appId: string
  secret: string
  requests: { method: string; path: string; query: Record<string, string>; body: unknown }[]
  tokens: {
    /** Seconds the next tokens live (WeChat: 7200). */
    expiresIn: number
    /** Every token handed out so far answers 42001 (expired). */
    expireAll(): void
    /** Every token handed out so far answers 40001 (invalid, as after another party's force_refresh). */
    invalidateAll(): void
    /** How many stable_token calls were answered with a new token. */
    issued: number
  }
  /** Answer every token-protected API with this errcode until cleared (e.g. -1 system busy). */
  failWith: number | null
  mediaChecks: { traceId: string; mediaUrl: string; openid: string; scene: number }[]
  close(): Promise<void>
}

export const FAKE_RISKY = 'FAKE_RISKY'
export const FAKE_REVIEW = 'FAKE_REVIEW'

/** The documented signature of WeChat's message push: sha1 of token, timestamp, nonce sorted as strings. */
export function wechatSignature(token: string, timestamp: string, nonce: string): string {
  return crypto.createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')
}

/**
 * Delivers the `wxa_media_check` event for a trace id to the app's callback route, signed with
 * the callback token as WeChat signs its message push (JSON format, plaintext mode).
 */
export async function postMediaCheckEvent(
  app: { inject: (opts: any) => Promise<{ statusCode: number; body: string }> },
  opts: { url: string; token: string; appId: string; traceId: string; suggest: 'pass' | 'review' | 'risky'; label?: number; signature?: string }
) {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = crypto.randomBytes(6).toString('hex')
  const signature = opts.signature ?? wechatSignature(opts.token, timestamp, nonce)
  const event = {
    ToUserName: 'gh_fake_original_id',
    FromUserName: 'oFakeOpenid',
    CreateTime: Number(timestamp),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: opts.appId,
    trace_id: opts.traceId,
    version: 2,
    detail: [{ strategy: 'content_model', errcode: 0, suggest: opts.suggest, label: opts.label ?? (opts.suggest === 'pass' ? 100 : 20002), prob: 90 }],
    errcode: 0,
    errmsg: 'ok',
    result: { suggest: opts.suggest, label: opts.label ?? (opts.suggest === 'pass' ? 100 : 20002) }
  }
  return app.inject({ method: 'POST', url: `${opts.url}?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, payload: event })
}

export async function startFakeWechat(appId = 'wx-test-appid', secret = 'wx-test-secret'): Promise<FakeWechat> {
  const requests: FakeWechat['requests'] = []
  let tokenSerial = 0
  // token → expiry (ms) or the errcode it now answers with.
  const tokenState = new Map<string, { expiresAt: number; dead: 40001 | 42001 | null }>()
  let current: string | null = null
  const mediaChecks: FakeWechat['mediaChecks'] = []
  const tokens: FakeWechat['tokens'] = {
    expiresIn: 7200,
    issued: 0,
    expireAll: () => tokenState.forEach((t) => (t.dead = 42001)),
    invalidateAll: () => tokenState.forEach((t) => (t.dead = 40001))
  }
  const fake = { failWith: null as number | null }
  /** null when the token is good, otherwise the errcode WeChat answers with. */
  const tokenError = (token: string | undefined): number | null => {
    const t = token ? tokenState.get(token) : undefined
    if (!t) return 40001
    if (t.dead) return t.dead
    return t.expiresAt <= Date.now() ? 42001 : null
  }
  const flakySeen = new Set<string>()
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    let body: any = null
    try {
      body = raw ? JSON.parse(raw) : null
    } catch {
      body = raw
    }
    const query = Object.fromEntries(url.searchParams)
    requests.push({ method: req.method ?? '', path: url.pathname, query, body })
    const send = (payload: object) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(payload))
    }

    if (req.method === 'GET' && url.pathname === '/sns/jscode2session') {
      if (query.appid !== appId) return send({ errcode: 40013, errmsg: 'invalid appid' })
      if (query.secret !== secret) return send({ errcode: 40125, errmsg: 'invalid appsecret' })
      if (query.grant_type !== 'authorization_code') return send({ errcode: 40002, errmsg: 'invalid grant_type' })
      const code = query.js_code ?? ''
      if (code === 'busy') return send({ errcode: 45011, errmsg: 'api minute-quota reach limit  mustslower  retry next minute' })
      if (code === 'system') return send({ errcode: -1, errmsg: 'system error' })
      if (!code.startsWith('ok:')) return send({ errcode: 40029, errmsg: 'invalid code' })
      return send({ openid: code.slice(3), session_key: 'fake-session-key-' + code.slice(3) })
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
      if (body?.grant_type !== 'client_credential') return send({ errcode: 40002, errmsg: 'invalid grant_type' })
      if (body?.appid !== appId) return send({ errcode: 40013, errmsg: 'invalid appid' })
      if (body?.secret !== secret) return send({ errcode: 40125, errmsg: 'invalid appsecret' })
      const held = current ? tokenState.get(current) : undefined
      if (!body?.force_refresh && current && held && !held.dead && held.expiresAt > Date.now()) {
        return send({ access_token: current, expires_in: Math.floor((held.expiresAt - Date.now()) / 1000) })
      }
      // A forced refresh (or none valid): a new token; the old one stops working (40001).
      if (held) held.dead = held.dead ?? 40001
      tokenSerial++
      tokens.issued++
      current = `fake-access-token-${tokenSerial}`
      tokenState.set(current, { expiresAt: Date.now() + tokens.expiresIn * 1000, dead: null })
      return send({ access_token: current, expires_in: tokens.expiresIn })
    }
    if (req.method === 'POST' && url.pathname.startsWith('/wxa/')) {
      const bad = tokenError(query.access_token)
      if (bad) return send({ errcode: bad, errmsg: bad === 42001 ? 'access_token expired' : 'invalid credential, access_token is invalid or not latest' })
      if (fake.failWith !== null) return send({ errcode: fake.failWith, errmsg: 'system error' })
      if (url.pathname === '/wxa/msg_sec_check') {
        if (body?.version !== 2 || typeof body?.content !== 'string' || typeof body?.openid !== 'string' || ![1, 2, 3, 4].includes(body?.scene)) {
          return send({ errcode: 47001, errmsg: 'data format error' })
        }
        const suggest = body.content.includes(FAKE_RISKY) ? 'risky' : body.content.includes(FAKE_REVIEW) ? 'review' : 'pass'
        const label = suggest === 'risky' ? 20001 : suggest === 'review' ? 20006 : 100
        return send({ errcode: 0, errmsg: 'ok', trace_id: crypto.randomUUID(), result: { suggest, label }, detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }] })
      }
      if (url.pathname === '/wxa/media_check_async') {
        if (body?.version !== 2 || body?.media_type !== 2 || typeof body?.media_url !== 'string' || typeof body?.openid !== 'string') {
          return send({ errcode: 47001, errmsg: 'data format error' })
        }
        const traceId = crypto.randomUUID()
        mediaChecks.push({ traceId, mediaUrl: body.media_url, openid: body.openid, scene: body.scene })
        return send({ errcode: 0, errmsg: 'ok', trace_id: traceId })
      }
    }
    // getuserphonenumber (POST ?access_token=, body { code }): `phone-<11 digits>` → that number
    // (+86); `foreign-<digits>` → a number outside the mainland; `busy` 45011; `system` -1;
    // anything else 40029 (invalid or used code). A token it did not issue is 40001.
    if (req.method === 'POST' && url.pathname === '/wxa/business/getuserphonenumber') {
      if (!/^fake-access-token-\d+$/.test(query.access_token ?? '')) return send({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
      const code = String(body?.code ?? '')
      if (code === 'busy') return send({ errcode: 45011, errmsg: 'api minute-quota reach limit  mustslower  retry next minute' })
      if (code === 'system') return send({ errcode: -1, errmsg: 'system error' })
      const m = /^(phone|foreign)-(\d{6,15})$/.exec(code)
      if (!m) return send({ errcode: 40029, errmsg: 'invalid code' })
      const [countryCode, pure] = m[1] === 'phone' ? ['86', m[2]!] : ['852', m[2]!]
      return send({
        errcode: 0,
        errmsg: 'ok',
        phone_info: { phoneNumber: countryCode === '86' ? pure : `+${countryCode}${pure}`, purePhoneNumber: pure, countryCode, watermark: { timestamp: Math.floor(Date.now() / 1000), appid: appId } }
      })
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      if (!query.access_token?.startsWith('fake-access-token-')) return send({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
      if (typeof body?.touser !== 'string' || typeof body?.template_id !== 'string' || typeof body?.data !== 'object' || body.data === null) {
        return send({ errcode: 47001, errmsg: 'data format error' })
      }
      const to: string = body.touser
      if (to.startsWith('o-43101')) return send({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
      if (to.startsWith('o-bad')) return send({ errcode: 40003, errmsg: 'invalid openid' })
      if (to.startsWith('o-flaky') && !flakySeen.has(to)) {
        flakySeen.add(to)
        return send({ errcode: -1, errmsg: 'system error' })
      }
      return send({ errcode: 0, errmsg: 'ok', msgid: 1000 + requests.length })
    }
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ errcode: 404, errmsg: 'unknown api' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appId,
    secret,
    requests,
    tokens,
    get failWith() {
      return fake.failWith
    },
    set failWith(code: number | null) {
      fake.failWith = code
    },
    mediaChecks,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
