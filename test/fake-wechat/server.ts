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
 */
export interface FakeWechat {
  baseUrl: string
  appId: string
  secret: string
  requests: { method: string; path: string; query: Record<string, string>; body: unknown }[]
  close(): Promise<void>
}

export async function startFakeWechat(appId = 'wx-test-appid', secret = 'wx-test-secret'): Promise<FakeWechat> {
  const requests: FakeWechat['requests'] = []
  let tokenSerial = 0
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
      tokenSerial++
      return send({ access_token: `fake-access-token-${tokenSerial}`, expires_in: 7200 })
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
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
