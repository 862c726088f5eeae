// Launch on a slow phone: Fast 3G and a 4× slower CPU, where a navigation started at launch used
// to race the router's first page (a signed-out visitor saw the home page under the login URL).
import type { Browser, Page } from 'playwright-core'
import { describeInBrowser, launch, phonePage, screenshot } from './support/browser'
import { type, visibleText, tap, openRoute } from './support/ui'
import { startServer, type RunningServer } from './support/server'

let server: RunningServer
let browser: Browser

/** Chrome DevTools' "Fast 3G" preset and a 4× CPU slowdown. */
async function slowPhone(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: (180 * 1024) / 8, uploadThroughput: (84 * 1024) / 8 })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
}

/** The one page the visitor sees: Taro keeps hidden ones in the DOM. */
const shownPages = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.taro_router > .taro_page'))
      .filter((p) => getComputedStyle(p).display !== 'none')
      .map((p) => p.id)
  )

describeInBrowser('launch on a slow phone (H5, Fast 3G, 4× CPU)', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('a signed-out visitor opening the app gets the login page, and only it, under the login URL', async () => {
    const page = await phonePage(browser)
    await slowPhone(page)
    await page.goto(`${server.baseUrl}/`)
    await page.waitForURL((url) => url.hash.includes('/pages/login/'), { timeout: 90_000 })
    await visibleText(page, '开发模式登录').waitFor({ timeout: 90_000 })
    await screenshot(page, '00-slow-launch-signed-out')
    expect(await shownPages(page)).toHaveLength(1)
    await expect(visibleText(page, '群众留言').count()).resolves.toBe(0)
    expect(page.url()).toContain('/pages/login/')
  }, 180_000)

  it('opening the login page directly, the form being filled in is never replaced, and signing in lands once', async () => {
    const page = await phonePage(browser)
    await slowPhone(page)
    await openRoute(page, server.baseUrl, `/pages/login/index`)
    await visibleText(page, '开发模式登录').waitFor({ timeout: 90_000 })
    await tap(page, '群众')
    await type(page, '请输入姓名', '慢网张三')
    // Whatever the launch does late must not swap in a fresh, empty login page.
    const field = page.locator('input[placeholder="请输入姓名"]').filter({ visible: true })
    await expect(field.inputValue()).resolves.toBe('慢网张三')
    await tap(page, '登录')
    await visibleText(page, '群众留言').waitFor({ timeout: 90_000 })
    expect(page.url()).toContain('/pages/index/')
    expect(await shownPages(page)).toHaveLength(1)
    await screenshot(page, '00-slow-launch-signed-in')
  }, 180_000)
})
