import type { Browser, Page } from 'playwright-core'
import { describeInBrowser, launch, phonePage, screenshot } from './support/browser'
import { type, visibleText, tap, devLogin } from './support/ui'
import { startServer, type RunningServer } from './support/server'
import { COMPLAINT_EXTRAS } from '../helpers/message-fixtures'

let server: RunningServer
let browser: Browser

const MESSAGES = [
  { category: 'complaint', ...COMPLAINT_EXTRAS, body: '东关夜市烧烤摊占道经营到凌晨，油烟扰民，希望尽快处理。' },
  { category: 'tipoff', body: '城北菜市场有商户使用未检定的电子秤，缺斤短两。' },
  { category: 'question', body: '个体工商户年报在哪里填报？截止日期是哪天？' }
] as const

/** Posts the citizen's messages through the API: the desk, not the message form, is under test here. */
async function postMessages(baseUrl: string) {
  const login = await fetch(`${baseUrl}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'citizen', name: '张三' })
  })
  const { token } = (await login.json()) as { token: string }
  for (const m of MESSAGES) {
    const res = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(m)
    })
    expect(res.status).toBe(201)
  }
}

async function deskPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  return context.newPage()
}

const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).filter({ visible: true }).first().boundingBox()
  if (!b) throw new Error(`${selector} is not shown`)
  return b
}
const px = (page: Page, selector: string, property: string) =>
  page.locator(selector).filter({ visible: true }).first().evaluate((el, p) => parseFloat(getComputedStyle(el).getPropertyValue(p)), property)
const rows = (page: Page) => page.locator('.desk-row').filter({ visible: true })

describeInBrowser('the staff desk (H5) at 1440×900 and at a phone', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
    await postMessages(server.baseUrl)
    // A busy 2-core machine takes over a minute to start the server.
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('at 1440 px: phone-sized type, sidebar, dense list with the detail beside it, keyboard, batch, sign-out', async () => {
    const desk = await deskPage()
    await devLogin(desk, server.baseUrl, '宣传人员', '王宣传')
    await rows(desk).nth(2).waitFor()
    await desk.locator('.desk__detail-empty').filter({ visible: true }).waitFor()

    // Drawn at the design's own size: 15-px body text, nothing at twice phone size.
    expect(await desk.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px')
    const body = await px(desk, '.desk-row__excerpt', 'font-size')
    expect(body).toBeGreaterThanOrEqual(14)
    expect(body).toBeLessThanOrEqual(16)
    expect(await px(desk, '.zb-status-tag', 'font-size')).toBeGreaterThanOrEqual(12)
    // Sidebar left of the list; the list fills the width without a sideways scroll.
    const sidebar = await box(desk, '.desk-shell__views')
    const list = await box(desk, '.desk__list')
    expect(sidebar.x + sidebar.width).toBeLessThanOrEqual(list.x + 1)
    expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440)
    // Who is signed in, and the way out.
    await visibleText(desk, '王宣传').first().waitFor()
    await visibleText(desk, '退出登录', true).waitFor()
    await screenshot(desk, '21-desk-1440-list')

    // Keyboard: newest first, so j moves from the question to the tip-off; Enter opens it beside the list.
    await desk.keyboard.press('j')
    await desk.locator('.desk-row--cursor').filter({ hasText: MESSAGES[1].body.slice(0, 10) }).waitFor()
    await desk.keyboard.press('Enter')
    const detail = desk.locator('.desk__detail').filter({ visible: true })
    await detail.getByText(MESSAGES[1].body).waitFor()
    const detailBox = await box(desk, '.desk__detail')
    expect(detailBox.x).toBeGreaterThanOrEqual(list.x + list.width - 1)
    expect(await rows(desk).count()).toBe(3)
    // The 受理 button is whole, not cut off inside a too-small box.
    const accept = desk.locator('.desk__detail .nut-button').filter({ hasText: '受理' }).first()
    const label = await accept.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
    expect(label.scroll).toBeLessThanOrEqual(label.client)

    // e 受理, then r puts the caret in the reply; the reply's text shows in 办理记录.
    await desk.keyboard.press('e')
    await detail.locator('.zb-status-tag', { hasText: '已受理' }).waitFor()
    await rows(desk).nth(1).locator('.zb-status-tag', { hasText: '已受理' }).waitFor()
    await desk.keyboard.press('r')
    await desk.waitForFunction(() => document.activeElement?.closest('.item-panel__reply') !== null)
    const reply = '经核查，该商户电子秤已送检，已责令整改。'
    await desk.keyboard.type(reply)
    await desk.keyboard.press('Escape')
    await detail.locator('.nut-button', { hasText: '发送答复' }).click()
    await detail.locator('.zb-timeline__reply', { hasText: reply }).waitFor()
    await screenshot(desk, '22-desk-1440-detail-replied')

    // ? shows the shortcuts; Esc closes them.
    await desk.keyboard.press('?')
    await visibleText(desk, '快捷键帮助').waitFor()
    await screenshot(desk, '23-desk-1440-help')
    await desk.keyboard.press('Escape')
    await desk.locator('.shortcut-help').waitFor({ state: 'detached' })

    // x selects the first two; a batch 受理 answers one line per item: the tip-off is already accepted.
    await desk.keyboard.press('k')
    await desk.keyboard.press('x')
    await desk.keyboard.press('j')
    await desk.keyboard.press('x')
    await visibleText(desk, '已选 2 条').waitFor()
    await desk.locator('.batch-bar .nut-button', { hasText: '受理' }).first().click()
    const results = desk.locator('.batch-bar__result')
    await visibleText(desk, '批量受理：1 条成功，1 条未完成').waitFor()
    expect(await results.count()).toBe(2)
    expect(await desk.locator('.batch-bar__result--ok').count()).toBe(1)
    expect(await desk.locator('.batch-bar__result--refused').count()).toBe(1)
    await screenshot(desk, '24-desk-1440-batch')

    // / puts the caret in the search field.
    await desk.keyboard.press('/')
    await desk.waitForFunction(() => document.activeElement?.closest('.desk__search') !== null)
    await desk.keyboard.press('Escape')

    // Back stays in the app; sign-out leads to the login page.
    await desk.goBack().catch(() => undefined)
    expect(desk.url().startsWith(server.baseUrl)).toBe(true)
    await visibleText(desk, '退出登录', true).first().click()
    await visibleText(desk, '开发模式登录').waitFor()
    await screenshot(desk, '25-desk-1440-signed-out')
  }, 180_000)

  it('at a phone: one column, views as chips, a tap opens the item page, 44-px targets', async () => {
    const phone = await phonePage(browser)
    await devLogin(phone, server.baseUrl, '宣传人员', '李宣传')
    // 全部待处理: the tip-off was answered above, so it waits on the citizen and is not listed.
    await rows(phone).filter({ hasText: MESSAGES[0].body.slice(0, 10) }).waitFor()
    expect(await rows(phone).filter({ hasText: MESSAGES[1].body.slice(0, 10) }).count()).toBe(0)
    expect(await phone.locator('.desk__detail').count()).toBe(0)
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    const view = await box(phone, '.desk-shell__view')
    expect(view.height).toBeGreaterThanOrEqual(44)
    const menu = await box(phone, '.desk-shell__menu-button')
    expect(menu.height).toBeGreaterThanOrEqual(44)
    await screenshot(phone, '26-desk-phone-list')

    await phone.locator('.desk-shell__menu-button').click()
    await visibleText(phone, '退出登录', true).waitFor()
    await screenshot(phone, '27-desk-phone-menu')
    await phone.locator('.desk-shell__menu-button').click()

    await rows(phone).filter({ hasText: MESSAGES[0].body.slice(0, 10) }).click()
    await visibleText(phone, '办理记录').first().waitFor()
    await screenshot(phone, '28-desk-phone-item')
    await tap(phone, '受理')
    await visibleText(phone, '答复群众').first().waitFor()
    await type(phone, '答复内容将展示给留言人', '已转城关所现场核查。')
    await tap(phone, '发送答复')
    await phone.locator('.zb-timeline__reply').filter({ visible: true, hasText: '已转城关所现场核查。' }).waitFor()
  }, 120_000)
})
