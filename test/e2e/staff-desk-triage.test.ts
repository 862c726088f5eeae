// The desk's triage at 1440×900 and at a phone, on the real server: an overdue item highlighted,
// the calendar banner, keyboard navigation, a saved view, assigning, a note with an @mention the
// colleague sees under the bell (a second login), a canned reply, merging two duplicates and a
// batch 受理. Screenshots go to test-results/3x-*.png.
import type { Browser, Page } from 'playwright-core'
import { describeInBrowser, launch, phonePage, screenshot } from './support/browser'
import { guardedContext } from './support/policy'
import { devLogin, type, visibleText } from './support/ui'
import { startServer, type RunningServer } from './support/server'

let server: RunningServer
let browser: Browser

/** 咨询 has a 3-working-day limit: posted 20 days ago (server clock shifted), it is overdue now. */
const OLD_QUESTION = { category: 'question', body: '营业执照遗失了怎么补办？需要带哪些材料？' }
/** Two messages about the same stall: the duplicates to merge. */
const NOISE = { category: 'complaint', body: '西街夜市烧烤摊每晚油烟很大，楼上住户窗户都不敢开，请尽快处理。', contactPhone: '13800138000', business: { name: '西街夜市烧烤摊' } }
const NOISE_AGAIN = { category: 'complaint', body: '西街夜市烧烤摊油烟很大，住户窗户不敢开，希望尽快处理。', contactPhone: '13800138000', business: { name: '西街夜市烧烤摊' } }
const WEIGHTS = { category: 'tipoff', body: '南关菜市场有摊位电子秤缺斤短两，请来查一下。' }
const TEMPLATE = '{称呼}您好：您的留言（留言码 {留言码}）已收到，{部门}已安排现场核查，结果将及时告知。'

async function post(path: string, token: string, body: object) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body)
  })
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return res.json()
}
async function devToken(role: string, name: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, name }) })
  return ((await res.json()) as { token: string }).token
}

async function deskPage(): Promise<Page> {
  const context = await guardedContext(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  return context.newPage()
}
const rows = (page: Page) => page.locator('.desk-row').filter({ visible: true })
const rowWith = (page: Page, text: string) => rows(page).filter({ hasText: text.slice(0, 12) })
const detail = (page: Page) => page.locator('.desk__detail').filter({ visible: true })

/** Every visible text is at least 12 px and not cut off sideways; the page does not scroll sideways. */
async function checkLegible(page: Page, width: number) {
  const problems = await page.evaluate(() => {
    const out: string[] = []
    for (const el of Array.from(document.querySelectorAll('#app *'))) {
      const style = getComputedStyle(el)
      const box = (el as HTMLElement).getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim())
      if (!ownText) continue
      if (parseFloat(style.fontSize) < 12) out.push(`${el.className}: ${style.fontSize} "${el.textContent!.slice(0, 20)}"`)
      if (style.overflowX === 'hidden' && el.scrollWidth > el.clientWidth + 1 && style.textOverflow !== 'ellipsis') out.push(`${el.className}: clipped "${el.textContent!.slice(0, 20)}"`)
    }
    return out
  })
  expect(problems).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
}

describeInBrowser('the desk’s triage (H5) at 1440×900 and at a phone', () => {
  beforeAll(async () => {
    // The server's clock runs 20 days behind while the first message is posted.
    server = await startServer({ JOBS: 'off' }, { clockShiftDays: 20 })
    browser = await launch()
    await post('/api/messages', await devToken('citizen', '张三'), OLD_QUESTION)
    await server.realClock()
    // Tokens from the shifted clock expired 20 days ago: sign in again.
    const citizen = await devToken('citizen', '张三')
    const neighbour = await devToken('citizen', '李四')
    await post('/api/messages', citizen, NOISE)
    await post('/api/messages', neighbour, NOISE_AGAIN)
    await post('/api/messages', neighbour, WEIGHTS)
    // An admin's reply template and this year's topic, as the admin area would make them.
    const admin = await devToken('admin', '赵管理')
    await post('/api/admin/canned-replies', admin, { title: '已转现场核查', body: TEMPLATE, action: 'reply' })
    await post('/api/admin/topics', admin, { name: '夜市整治', year: new Date().getFullYear() })
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('at 1440 px: overdue flagged, banner, keys, a saved view, assign, a note with @mention, a batch', async () => {
    // The colleague signs in once, so the desk knows 李宣传.
    const colleague = await deskPage()
    await devLogin(colleague, server.baseUrl, '宣传人员', '李宣传')
    await rows(colleague).first().waitFor()

    const desk = await deskPage()
    await devLogin(desk, server.baseUrl, '宣传人员', '王宣传')
    await rowWith(desk, WEIGHTS.body).waitFor()

    // The question posted 20 days ago is overdue: its row is flagged, its deadline in red.
    const overdue = rowWith(desk, OLD_QUESTION.body)
    await expect(overdue.getAttribute('class')).resolves.toContain('desk-row--due-overdue')
    await overdue.locator('.desk-row__due--overdue', { hasText: '已超期' }).waitFor()
    // December: the calendar has no 2027 yet, and the desk says so.
    await visibleText(desk, '节假日日历缺少 2027 年').waitFor()
    await checkLegible(desk, 1440)
    await screenshot(desk, '31-desk-1440-overdue-banner')

    // Keyboard: j/k move the cursor, Enter opens beside the list.
    const first = await rows(desk).first().innerText()
    await desk.keyboard.press('j')
    await desk.keyboard.press('k')
    await rows(desk).first().and(desk.locator('.desk-row--cursor')).waitFor()
    await desk.keyboard.press('Enter')
    await detail(desk).getByText(first.split('\n').find((l) => l.length > 12)!.slice(0, 12)).first().waitFor()

    // A saved view: 已超期 saved as 超期咨询; it lists with its count and is the view shown.
    await desk.locator('.desk-shell__view', { hasText: '已超期' }).click()
    await rowWith(desk, OLD_QUESTION.body).waitFor()
    await desk.locator('.view-tools__link', { hasText: '保存为视图' }).click()
    await type(desk, '视图名称', '超期咨询')
    await desk.locator('.view-tools .nut-button', { hasText: '保存' }).click()
    const saved = desk.locator('.desk-shell__view', { hasText: '超期咨询' })
    await saved.locator('.desk-shell__count', { hasText: '1' }).waitFor()
    await expect(saved.getAttribute('class')).resolves.toContain('desk-shell__view--active')
    await screenshot(desk, '32-desk-1440-saved-view')

    // Assign with the `a` shortcut: the picker opens on the item.
    await rowWith(desk, OLD_QUESTION.body).click()
    await detail(desk).getByText(OLD_QUESTION.body).waitFor()
    await desk.keyboard.press('a')
    const assign = detail(desk).locator('.assign-card')
    await assign.locator('.people-picker__person', { hasText: '李宣传' }).click()
    await assign.locator('.assign-card__current', { hasText: '李宣传' }).waitFor()
    await rowWith(desk, OLD_QUESTION.body).locator('.desk-row__assignee', { hasText: '李宣传' }).waitFor()

    // Priority and an internal note naming the colleague.
    await detail(desk).locator('.priority-card__chip', { hasText: '紧急' }).click()
    await rowWith(desk, OLD_QUESTION.body).locator('.desk-row__priority', { hasText: '紧急' }).waitFor()
    const topics = detail(desk).locator('.topics-card')
    await topics.locator('.nut-button', { hasText: '标记主题' }).click()
    await topics.locator('.topics-picker__chip', { hasText: '夜市整治' }).click()
    await topics.locator('.nut-button', { hasText: '保存主题' }).click()
    await topics.locator('.zb-chip--active', { hasText: '夜市整治' }).waitFor()
    const note = detail(desk).locator('.note-card')
    await note.locator('textarea').click()
    await desk.keyboard.type('@李')
    // @ offers the colleagues whose name starts so; picking one completes the name.
    await note.locator('.note-card__mention', { hasText: '@李宣传' }).click()
    await note.locator('textarea').click()
    await desk.keyboard.press('End')
    await desk.keyboard.type('请今天电话回复留言人')
    await expect(note.locator('textarea').inputValue()).resolves.toBe('@李宣传 请今天电话回复留言人')
    await note.locator('.nut-button', { hasText: '添加备注' }).click()
    await detail(desk).locator('.zb-timeline', { hasText: '请今天电话回复留言人' }).waitFor()
    await screenshot(desk, '33-desk-1440-assigned-note')

    // The colleague sees it under the bell: 提到我, and opening it shows the item.
    await colleague.reload()
    const bell = colleague.locator('.bell')
    await bell.locator('.bell__count').waitFor()
    await bell.locator('.bell__button').click()
    const mention = bell.locator('.bell__item', { hasText: '提到我' })
    await mention.waitFor()
    await mention.getByText('请今天电话回复留言人', { exact: false }).waitFor()
    await checkLegible(colleague, 1440)
    await screenshot(colleague, '34-desk-1440-colleague-bell')
    await mention.click()
    await detail(colleague).getByText(OLD_QUESTION.body).waitFor()

    // A batch 受理 on two new complaints: one line per item.
    await desk.locator('.desk-shell__view', { hasText: '全部待处理' }).click()
    await rowWith(desk, WEIGHTS.body).waitFor()
    for (const m of [NOISE, WEIGHTS]) await rowWith(desk, m.body).locator('.desk-row__check').click()
    await visibleText(desk, '已选 2 条').waitFor()
    await desk.locator('.batch-bar .nut-button', { hasText: '受理' }).first().click()
    await visibleText(desk, '批量受理：2 条成功，0 条未完成').waitFor()
    await checkLegible(desk, 1440)
    await screenshot(desk, '35-desk-1440-batch')

    // A canned reply: the template filled for this item (称呼, 留言码, 部门 falls back to 本局), then sent.
    await rowWith(desk, WEIGHTS.body).click()
    await detail(desk).getByText(WEIGHTS.body).waitFor()
    const code = (await detail(desk).locator('.nut-cell', { hasText: '留言码' }).innerText()).replace('留言码', '').trim()
    await detail(desk).locator('.canned-picker__open', { hasText: '使用答复模板' }).click()
    await detail(desk).locator('.canned-picker__item', { hasText: '已转现场核查' }).click()
    const filled = `李四您好：您的留言（留言码 ${code}）已收到，本局已安排现场核查，结果将及时告知。`
    await expect(detail(desk).locator('.item-panel__reply textarea').inputValue()).resolves.toBe(filled)
    await screenshot(desk, '35b-desk-1440-canned-reply')
    await detail(desk).locator('.nut-button', { hasText: '发送答复' }).click()
    await detail(desk).locator('.zb-timeline__reply', { hasText: filled }).waitFor()

    // Two messages about the same stall: the accepted one takes the new one in (合并到此, confirmed).
    await rowWith(desk, NOISE.body).click()
    const duplicates = detail(desk).locator('.duplicates-card')
    const twin = duplicates.locator('.duplicates-card__row', { hasText: NOISE_AGAIN.body.slice(0, 12) })
    await twin.waitFor()
    await twin.scrollIntoViewIfNeeded()
    await screenshot(desk, '35c-desk-1440-duplicates')
    await twin.locator('.nut-button', { hasText: '合并到此' }).click()
    await desk.locator('.taro-modal__foot').getByText('合并', { exact: true }).click()
    // The twin is closed as merged: it leaves 全部待处理, and no longer shows as a duplicate.
    await rowWith(desk, NOISE_AGAIN.body).waitFor({ state: 'detached' })
    await twin.waitFor({ state: 'detached' })
  }, 300_000)

  it('at a phone: the bell, the banner, and the same tools on the item page', async () => {
    const phone = await phonePage(browser)
    await devLogin(phone, server.baseUrl, '宣传人员', '李宣传')
    // The overdue question, assigned to 李宣传 above; the merged twin is gone from the list.
    await rowWith(phone, OLD_QUESTION.body).waitFor()
    expect(await rowWith(phone, NOISE_AGAIN.body).count()).toBe(0)
    await visibleText(phone, '节假日日历缺少 2027 年').waitFor()
    await checkLegible(phone, 390)
    await screenshot(phone, '36-desk-phone-list')

    // 分派给我 is still unread under the bell; its panel fits the phone's width.
    const bell = phone.locator('.bell').filter({ visible: true })
    await bell.locator('.bell__count').waitFor()
    await bell.locator('.bell__button').click()
    const assigned = bell.locator('.bell__item', { hasText: '分派给我' })
    await assigned.waitFor()
    const panel = await bell.locator('.bell__panel').boundingBox()
    expect(panel!.x).toBeGreaterThanOrEqual(0)
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(390)
    await checkLegible(phone, 390)
    await screenshot(phone, '37-desk-phone-bell')

    // Opening it goes to the item's own page: the same cards as beside the desk's list.
    await assigned.click()
    await visibleText(phone, '办理记录').first().waitFor()
    for (const heading of ['承办人', '优先级', '重点主题', '内部备注']) await visibleText(phone, heading, true).first().waitFor()
    await visibleText(phone, '请今天电话回复留言人').first().waitFor()
    await checkLegible(phone, 390)
    await screenshot(phone, '38-desk-phone-item')
  }, 180_000)
})
