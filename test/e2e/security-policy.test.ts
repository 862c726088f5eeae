import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Response } from 'playwright-core'
import { describeInBrowser, launch, phonePage, screenshot } from './support/browser'
import { visibleText, devLogin, tap, openRoute } from './support/ui'
import { startServer, type RunningServer } from './support/server'
import { takeViolations, isLocalUrl } from './support/policy'

const H5_DIR = path.resolve(__dirname, '../../dist/h5')
// Hosts the bundles merely name: XML namespaces, React's and Stencil's error-message links, and
// a placeholder base query-string parses against. None is ever requested (the guard proves it).
const NAMED_NOT_FETCHED = new Set(['www.w3.org', 'reactjs.org', 'stenciljs.com', 'query-string.invalid'])

let server: RunningServer
let browser: Browser

it('the built H5 app names no third-party host it could load from', () => {
  const hosts = new Map<string, string>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (/\.(js|css|html)$/.test(entry.name)) {
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/https?:\/\/([a-z0-9.-]+)/gi)) hosts.set(m[1].toLowerCase(), entry.name)
      }
    }
  }
  walk(H5_DIR)
  const foreign = [...hosts].filter(([host]) => !NAMED_NOT_FETCHED.has(host) && !isLocalUrl(`http://${host}/`))
  expect(foreign).toEqual([])
})

describeInBrowser('the H5 app under its CSP, with nothing from other hosts (Chromium)', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('first load of the login page: compressed, small, CSP-clean; role pages load only when opened', async () => {
    const page = await phonePage(browser)
    const responses: Response[] = []
    page.on('response', (r) => responses.push(r))
    const document = await page.goto(`${server.baseUrl}/#/pages/login/index`)
    await visibleText(page, '开发模式登录').waitFor()
    await page.waitForLoadState('networkidle')
    expect(document!.headers()['content-security-policy']).toContain("frame-ancestors 'none'")

    const assets = responses.filter((r) => /\.(js|css)$/.test(new URL(r.url()).pathname))
    expect(assets.length).toBeGreaterThan(0)
    let transferred = 0
    let uncompressed = 0
    for (const r of assets) {
      const headers = await r.allHeaders()
      expect([r.url(), headers['content-encoding']]).toEqual([r.url(), 'br'])
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable')
      transferred += (await r.request().sizes()).responseBodySize
      uncompressed += (await r.body()).length
    }
    const kb = (n: number) => (n / 1024).toFixed(1)
    process.stdout.write(`\n[first load] login page: ${assets.length} JS/CSS files, ${kb(transferred)} KB transferred (${kb(uncompressed)} KB uncompressed)\n`)
    // Compression must do real work: brotli takes minified JS and CSS to well under a third.
    expect(transferred).toBeLessThan(uncompressed / 3)
    const firstLoad = new Set(assets.map((r) => r.url()))
    await screenshot(page, 'policy-01-login')

    // A role's pages come in their own chunks, fetched only when that role's page opens.
    await devLogin(page, server.baseUrl, '群众', '李四')
    // An empty list shows the app's own picture (once NutUI's, from a JD CDN: the guard would fail).
    await tap(page, '我的留言')
    await visibleText(page, '您还没有留言').first().waitFor()
    const picture = page.locator('.zb-empty-state__picture img').filter({ visible: true }).first()
    await picture.waitFor()
    await page.waitForFunction((img) => (img as HTMLImageElement).complete, await picture.elementHandle())
    const shown = await picture.evaluate((img: HTMLImageElement) => ({ src: new URL(img.src).origin === location.origin || img.src.startsWith('data:'), width: img.naturalWidth, box: img.getBoundingClientRect().width }))
    expect(shown.src).toBe(true)
    expect(shown.width).toBeGreaterThan(0)
    expect(shown.box).toBeGreaterThanOrEqual(100)
    // Drawn whole inside its box (once its left edge sat at the box's middle and half was clipped).
    const inside = await picture.evaluate((img: HTMLImageElement) => {
      const a = img.getBoundingClientRect()
      const box = img.closest('.zb-empty-state__picture')!.getBoundingClientRect()
      return a.left >= box.left - 1 && a.right <= box.right + 1
    })
    expect(inside).toBe(true)
    await screenshot(page, 'policy-02-citizen-empty')
    await page.goBack()
    await tap(page, '我要留言')
    await visibleText(page, '留言内容').first().waitFor()
    await page.waitForLoadState('networkidle')
    const later = responses.filter((r) => /\.js$/.test(new URL(r.url()).pathname) && !firstLoad.has(r.url()))
    expect(later.length).toBeGreaterThan(0)
    await screenshot(page, 'policy-03-citizen-form')
  }, 120_000)

  it('the guard itself catches a third-party request and an inline script the CSP refuses', async () => {
    const page = await phonePage(browser)
    await openRoute(page, server.baseUrl, `/pages/login/index`)
    await visibleText(page, '开发模式登录').waitFor()
    await page.evaluate(() => {
      const img = document.createElement('img')
      img.src = 'https://storage.360buyimg.com/imgtools/probe.png'
      document.body.appendChild(img)
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.body.appendChild(script)
    })
    await page.waitForFunction(() => document.querySelector('img[src*="probe"]') !== null)
    // The CSP refuses both, and says so in the console; poll until both reports are in.
    let found: string[] = []
    const end = Date.now() + 10_000
    while (Date.now() < end && !(found.some((v) => /img-src/.test(v)) && found.some((v) => /script-src/.test(v)))) {
      found = found.concat(takeViolations())
      await page.waitForTimeout(50)
    }
    expect(found.some((v) => /img-src/.test(v) && /360buyimg/.test(v))).toBe(true)
    expect(found.some((v) => /script-src/.test(v))).toBe(true)
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
  }, 60_000)
})
