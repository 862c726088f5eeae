import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { createTestApp, type TestApp } from '../helpers/test-app'

// A built H5 app in miniature: Taro's index.html with its inline script, a hashed bundle, and
// a bundle whose brotli file was written beforehand (so serving it proves preCompressed is on).
const INLINE = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'
const BUNDLE = `console.log(${JSON.stringify('信息直报'.repeat(400))})\n`
const PRECOMPRESSED_MARKER = 'served from the .br file'
function fakeH5(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zb-h5-'))
  fs.mkdirSync(path.join(dir, 'js'))
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><head><script>${INLINE}</script><script defer src="/js/app.352f9c48.js"></script></head><body><div id="app"></div></body></html>`)
  fs.writeFileSync(path.join(dir, 'js/app.352f9c48.js'), BUNDLE)
  fs.writeFileSync(path.join(dir, 'js/pre.0123abcd.js'), BUNDLE)
  fs.writeFileSync(path.join(dir, 'js/pre.0123abcd.js.br'), zlib.brotliCompressSync(PRECOMPRESSED_MARKER))
  return dir
}
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('base64')

describe('security headers on the app and the API (defaults)', () => {
  let t: TestApp
  let h5: string
  // Left by an upload cut off long ago, in the media temp folder of the test apps' DATA_DIR.
  const leftover = path.join(os.tmpdir(), 'zhibao-test', 'media', '.tmp', `leftover-${crypto.randomUUID()}`)
  beforeAll(async () => {
    h5 = fakeH5()
    fs.mkdirSync(path.dirname(leftover), { recursive: true })
    fs.writeFileSync(leftover, 'half an upload')
    const long = new Date(Date.now() - 3600_000)
    fs.utimesSync(leftover, long, long)
    t = await createTestApp({ H5_DIR: h5 })
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(h5, { recursive: true, force: true })
  })

  it.each(['/api/health', '/', '/api/no-such-route'])('%s: CSP of our origin only, no framing, nosniff, no referrer, no HSTS', async (url) => {
    const res = await t.app.inject({ method: 'GET', url })
    const csp = String(res.headers['content-security-policy'])
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(name + ' '))
    expect(directive('default-src')).toBe("default-src 'self'")
    expect(directive('script-src')).toBe(`script-src 'self' 'sha256-${sha256(INLINE)}'`)
    expect(directive('connect-src')).toBe("connect-src 'self' blob:")
    expect(directive('img-src')).toBe("img-src 'self' blob: data:")
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'")
    expect(directive('object-src')).toBe("object-src 'none'")
    expect(csp).not.toMatch(/https?:|upgrade-insecure-requests/)
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['strict-transport-security']).toBeUndefined()
  })

  it('temp files of interrupted uploads are removed at start-up', async () => {
    const end = Date.now() + 10_000
    while (fs.existsSync(leftover) && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
    expect(fs.existsSync(leftover)).toBe(false)
  })

  it('CORS is closed: no origin is allowed, preflights included', async () => {
    const origin = 'https://elsewhere.example'
    const get = await t.app.inject({ method: 'GET', url: '/api/health', headers: { origin } })
    expect(get.headers['access-control-allow-origin']).toBeUndefined()
    const preflight = await t.app.inject({ method: 'OPTIONS', url: '/api/messages', headers: { origin, 'access-control-request-method': 'POST' } })
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    expect(preflight.statusCode).toBeLessThan(500)
  })

  it('hashed files are compressed and cached for good; index.html is revalidated', async () => {
    const br = await t.app.inject({ method: 'GET', url: '/js/app.352f9c48.js', headers: { 'accept-encoding': 'br, gzip' } })
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(BUNDLE)
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(BUNDLE) / 5)

    const gz = await t.app.inject({ method: 'GET', url: '/js/app.352f9c48.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(BUNDLE)

    const plain = await t.app.inject({ method: 'GET', url: '/js/app.352f9c48.js' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(BUNDLE)

    for (const url of ['/', '/index.html']) {
      const page = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } })
      expect(page.statusCode).toBe(200)
      expect(page.headers['cache-control']).toBe('no-cache')
    }
  })

  it('a precompressed .br file beside a bundle is served as it is', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/js/pre.0123abcd.js', headers: { 'accept-encoding': 'br' } })
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(PRECOMPRESSED_MARKER)
  })

  it('API answers are compressed when large and asked for', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'br' } })
    expect(res.headers['content-encoding']).toBe('br')
    expect(JSON.parse(zlib.brotliDecompressSync(res.rawPayload).toString()).openapi).toMatch(/^3\./)
  })

  it('compressed request bodies are not inflated (no decompression bombs)', async () => {
    const body = zlib.gzipSync(JSON.stringify({ role: 'citizen', name: '张三' }))
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/dev', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: body })
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
  })
})

describe('configured for a TLS proxy and a second web origin', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ HSTS: 'on', CORS_ORIGINS: 'https://desk.example.gov.cn, https://admin.example.gov.cn' })
  })
  afterAll(() => t.close())

  it('HSTS=on sends Strict-Transport-Security and upgrades insecure requests', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}; includeSubDomains$/)
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests')
  })

  it('CORS_ORIGINS: listed origins are allowed, others still are not', async () => {
    const allowed = await t.app.inject({ method: 'OPTIONS', url: '/api/messages', headers: { origin: 'https://admin.example.gov.cn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } })
    expect(allowed.statusCode).toBe(204)
    expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example.gov.cn')
    expect(String(allowed.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization')
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined()
    const other = await t.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example' } })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })
})
