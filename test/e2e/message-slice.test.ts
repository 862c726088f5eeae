import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { describeInBrowser, launch, phonePage, screenshot } from './support/browser'
import { type, visibleText, tap, devLogin, openRoute, fillComplaint } from './support/ui'
import { startServer, type RunningServer } from './support/server'
import { jpegWithExif } from '../helpers/images'

let server: RunningServer
let browser: Browser
let photo: string

describeInBrowser('a citizen’s message reaches the staff inbox and the reply comes back (H5, phone viewport)', () => {
  beforeAll(async () => {
    // A camera-sized photo with a GPS fix, which the app compresses and the server must not keep.
    photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zb-e2e-message-')), '现场.jpg')
    fs.writeFileSync(photo, await jpegWithExif(4000, 3000, { gps: { latRef: 'N', lat: '34/1 15/1 0/1', lngRef: 'E', lng: '108/1 56/1 0/1' } }))
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
    await screenshot(citizen, '02b-citizen-message-categories')
    await type(citizen, '请写明事情经过、时间、地点等，便于我们办理', body)
    // A complaint asks for the phone and the business: submitting without them says so.
    await tap(citizen, '提交留言')
    await visibleText(citizen, '投诉需要联系电话：请填写手机号，便于工作人员核实和调解').first().waitFor()
    await screenshot(citizen, '02a-citizen-message-rules')
    await fillComplaint(citizen, { phone: '13812345678', business: '东关夜市某烧烤摊', place: '东关夜市', photo })
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
    await visibleText(staff, '东关夜市某烧烤摊').first().waitFor()
    await visibleText(staff, '留言照片（1 张）').first().waitFor()
    await screenshot(staff, '05-staff-item-new')
    // 查看完整号码: the number in full, and the reveal on the internal timeline.
    await tap(staff, '查看完整号码')
    await visibleText(staff, '13812345678').first().waitFor()
    await screenshot(staff, '05a-staff-contact-revealed')
    await tap(staff, '受理')
    await visibleText(staff, '答复群众').first().waitFor()
    await type(staff, '答复内容将展示给留言人', reply)
    // The 受理 toast sits mid-screen for a moment: a tap on the button under it would land on the toast.
    await staff.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((t) => t.offsetParent === null || getComputedStyle(t).display === 'none'))
    await tap(staff, '发送答复')
    await visibleText(staff, '已答复')
      .first()
      .waitFor()
      .catch(async (e) => {
        await screenshot(staff, 'failed-staff-reply')
        throw e
      })
    await screenshot(staff, '06-staff-item-replied')

    // Citizen again
    await citizen.goto(`${server.baseUrl}/`)
    await tap(citizen, '我的留言')
    await visibleText(citizen, reply).first().waitFor()
    await screenshot(citizen, '07-citizen-my-messages')
    const timeline = await citizen.locator('#app').filter({ visible: true }).innerText()
    expect(timeline).toContain('已答复')

    // 大字模式 (the home page's switch, stored as Taro stores it): the form's text and controls grow.
    await citizen.evaluate(() => localStorage.setItem('zb.largeFont', JSON.stringify({ data: true })))
    await openRoute(citizen, server.baseUrl, `/citizen/pages/message-new/index`)
    await citizen.reload()
    await tap(citizen, '举报')
    await tap(citizen, '匿名举报')
    const row = await citizen.locator('.message-new__category').filter({ visible: true }).first().boundingBox()
    expect(row!.height).toBeGreaterThanOrEqual(44)
    const size = await citizen.locator('.message-new__category-name').filter({ visible: true }).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
    expect(size).toBeGreaterThanOrEqual(22)
    await screenshot(citizen, '08-citizen-message-form-large')
  }, 120_000)
  // The desk at 1440 px (list, detail beside it, shortcuts, batch) is staff-desk.test.ts. The replied
  // message this file made is no longer in the desk's default view (全部待处理), so it is not looked for here.
})
