import type { Browser } from 'playwright-core'
import { describeInBrowser, launch, phonePage, screenshot } from './support/browser'
import { type, visibleText, tap, openRoute } from './support/ui'
import { startServer, type RunningServer } from './support/server'

let server: RunningServer
let browser: Browser

describeInBrowser('the first admin password is one-time; sessions end on sign-out (H5)', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('first login asks for a new password, then the desk opens; 退出登录 ends the session', async () => {
    const printed = server.output().match(/Username: admin\s+one-time password: (\S+)/)
    expect(printed).not.toBeNull()
    const oneTime = printed![1]

    const page = await phonePage(browser)
    await openRoute(page, server.baseUrl, `/pages/login/index`)
    await visibleText(page, '或用工作人员账号登录').waitFor()
    await screenshot(page, 'sessions-01-dev-login-with-password-form')
    await type(page, '请输入用户名', 'admin')
    await type(page, '请输入密码', oneTime)
    // The password form's 登录 is the last one on the page.
    await visibleText(page, '登录', true).last().click({ force: true })

    await visibleText(page, '请设置新密码').waitFor()
    await screenshot(page, 'sessions-02-change-one-time-password')
    await type(page, '请输入新密码', 'county-bureau-2026')
    await type(page, '请再次输入新密码', 'county-bureau-2026')
    await tap(page, '保存新密码')
    // Admins are desk users: the shared inbox opens.
    await page.waitForURL(/staff\/pages\/inbox/)
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('zb.token') ?? 'null')?.data ?? localStorage.getItem('zb.token'))
    expect(token).toBeTruthy()

    // The old password no longer logs in; the new one does, with no change asked for.
    const relogin = await fetch(`${server.baseUrl}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: oneTime }) })
    expect(relogin.status).toBe(401)

    await openRoute(page, server.baseUrl, `/pages/index/index`)
    await visibleText(page, '退出所有设备').waitFor()
    await screenshot(page, 'sessions-03-home-sign-out')
    await tap(page, '退出登录')
    await page.waitForURL(/pages\/login/)
    const after = await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(after.status).toBe(401)
  })
})
