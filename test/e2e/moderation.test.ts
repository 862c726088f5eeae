import type { Browser } from 'playwright-core'
import { describeInBrowser, launch, phonePage, desktopPage, screenshot } from './support/browser'
import { type, visibleText, tap, devLogin } from './support/ui'
import { startServer, type RunningServer } from './support/server'

let server: RunningServer
let browser: Browser

// Issue 8: a text the content check holds (dev mode: the shipped word list, FAKE_REVIEW) is shown
// to its author as 审核中 and to staff only in 待审核内容, until approved.
describeInBrowser('a held message: 审核中 for its author, 待审核内容 for staff (H5)', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('citizen posts a text to review → sees 审核中 → staff approve it in 待审核内容 → it reaches the inbox', async () => {
    const body = '夜市有摊位在卖来路不明的香烟 FAKE_REVIEW 请核查'
    const citizen = await phonePage(browser)
    await devLogin(citizen, server.baseUrl, '群众', '李四')
    await tap(citizen, '我要留言')
    await visibleText(citizen, '留言内容').first().waitFor()
    await tap(citizen, '咨询')
    await type(citizen, '请写明事情经过、时间、地点等，便于我们办理', body)
    await tap(citizen, '提交留言')
    await visibleText(citizen, '提交成功').first().waitFor()
    await visibleText(citizen, '审核中：').first().waitFor()
    await screenshot(citizen, 'moderation-01-citizen-submitted-held')
    await citizen.goto(`${server.baseUrl}/`)
    await tap(citizen, '我的留言')
    await visibleText(citizen, body).first().waitFor()
    await visibleText(citizen, '审核中：').first().waitFor()
    await screenshot(citizen, 'moderation-02-citizen-my-messages-held')

    const staff = await phonePage(browser)
    await devLogin(staff, server.baseUrl, '宣传人员', '王宣传')
    await visibleText(staff, '待审核内容').first().waitFor()
    expect(await visibleText(staff, body.slice(0, 10)).count()).toBe(0)
    await tap(staff, '待审核内容')
    // A tap while the desk is still sliding in can be lost: wait for the page it opens, once more if need be.
    await staff.waitForURL(/staff\/pages\/moderation/, { timeout: 10_000 }).catch(async () => {
      await tap(staff, '待审核内容')
      await staff.waitForURL(/staff\/pages\/moderation/)
    })
    await visibleText(staff, body).first().waitFor()
    await screenshot(staff, 'moderation-03-staff-queue-phone')
    await tap(staff, '通过')
    await visibleText(staff, '没有待审核的内容').first().waitFor()
    await screenshot(staff, 'moderation-04-staff-queue-empty')

    const desk = await desktopPage(browser)
    await devLogin(desk, server.baseUrl, '宣传人员', '王宣传')
    await visibleText(desk, body.slice(0, 10)).first().waitFor()
    await screenshot(desk, 'moderation-05-desk-inbox-after-approval')
  }, 180_000)
})
