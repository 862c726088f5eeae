import type { Browser } from 'playwright-core'
import { describeInBrowser, launch, phonePage, screenshot } from './support/browser'
import { type, visibleText, tap, devLogin } from './support/ui'
import { startServer, type RunningServer } from './support/server'

let server: RunningServer
let browser: Browser

describeInBrowser('a citizen’s message reaches the staff inbox and the reply comes back (H5, phone viewport)', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('citizen posts → staff accepts and replies → citizen reads the reply and the timeline', async () => {
    const body = '东关夜市烧烤摊没有营业执照，占道经营到凌晨两点，油烟扰民。'
    const reply = '已联系城关市场监管所现场核查，责令规范经营，后续将持续巡查。'

    // Citizen
    const citizen = await phonePage(browser)
    await devLogin(citizen, server.baseUrl, '群众', '张三')
    await screenshot(citizen, '01-citizen-home')
    await tap(citizen, '我要留言')
    await visibleText(citizen, '留言内容').first().waitFor()
    await tap(citizen, '投诉')
    await type(citizen, '请写明事情经过、时间、地点等，便于我们办理', body)
    await type(citizen, '便于工作人员联系您，仅工作人员可见', '13812345678')
    await screenshot(citizen, '02-citizen-message-form')
    await tap(citizen, '提交留言')
    await visibleText(citizen, '提交成功').first().waitFor()
    // The heading has a line of its own: it used to run on into 您的留言码.
    const heading = await visibleText(citizen, '提交成功', true).first().boundingBox()
    const label = await visibleText(citizen, '您的留言码', true).first().boundingBox()
    expect(label!.y).toBeGreaterThanOrEqual(heading!.y + heading!.height)
    const code = (await citizen.locator('.message-new__code').innerText()).trim()
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    await screenshot(citizen, '03-citizen-submitted')

    // Staff, at a phone as well
    const staff = await phonePage(browser)
    await devLogin(staff, server.baseUrl, '宣传人员', '王宣传')
    // Desk roles land straight in the shared inbox.
    await visibleText(staff, body.slice(0, 12)).first().waitFor()
    await screenshot(staff, '04-staff-inbox')
    await visibleText(staff, body.slice(0, 12)).first().click()
    await visibleText(staff, '办理记录').first().waitFor()
    await visibleText(staff, '138****5678').waitFor()
    await screenshot(staff, '05-staff-item-new')
    await tap(staff, '受理')
    await visibleText(staff, '答复群众').first().waitFor()
    await type(staff, '答复内容将展示给留言人', reply)
    await tap(staff, '发送答复')
    await visibleText(staff, '已答复').first().waitFor()
    await screenshot(staff, '06-staff-item-replied')

    // Citizen again
    await citizen.goto(`${server.baseUrl}/`)
    await tap(citizen, '我的留言')
    await visibleText(citizen, reply).first().waitFor()
    await screenshot(citizen, '07-citizen-my-messages')
    const timeline = await citizen.locator('#app').filter({ visible: true }).innerText()
    expect(timeline).toContain('已答复')
  }, 120_000)
  // The desk at 1440 px (list, detail beside it, shortcuts, batch) is staff-desk.test.ts. The replied
  // message this file made is no longer in the desk's default view (全部待处理), so it is not looked for here.
})
