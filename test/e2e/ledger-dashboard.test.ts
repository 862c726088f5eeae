// 进度看板 in the browser against the real server, before anything is published: the empty year
// on a phone and at the desk.
import type { Browser, Page } from 'playwright-core'
import { describeInBrowser, launch, phonePage, screenshot } from './support/browser'
import { guardedContext } from './support/policy'
import { visibleText, devLogin, openRoute } from './support/ui'
import { startServer, type RunningServer } from './support/server'

let server: RunningServer
let browser: Browser
const ROUTE = '/editorial/pages/dashboard/index'
describeInBrowser('进度看板 (H5)', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  // The year with a publication (figures, drawn charts, the downloaded sheet) is the last step of
  // drafts-review.test.ts, which records it through the UI.
  it('an empty year says so on a phone; at the desk the admin has the shortfall reminder', async () => {
    const phone = await phonePage(browser)
    await devLogin(phone, server.baseUrl, '宣传人员', '王宣传')
    await openRoute(phone, server.baseUrl, ROUTE)
    await visibleText(phone, '年还没有登记发表').waitFor({ timeout: 30_000 })
    await screenshot(phone, 'ledger-dashboard-empty-phone')
    expect(await visibleText(phone, '提醒进度落后的部门', true).count()).toBe(0)

    const desk: Page = await (await guardedContext(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage()
    await devLogin(desk, server.baseUrl, '管理员', '刘管理')
    await openRoute(desk, server.baseUrl, ROUTE)
    await visibleText(desk, '年还没有登记发表').waitFor({ timeout: 30_000 })
    await visibleText(desk, '提醒进度落后的部门', true).waitFor()
    await screenshot(desk, 'ledger-dashboard-empty-desk')
  }, 240_000)
})
