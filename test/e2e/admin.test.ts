import type { Browser, Page } from 'playwright-core'
import { describeInBrowser, launch, pageSettled, screenshot } from './support/browser'
import { guardedContext } from './support/policy'
import { type, visibleText, tap, devLogin, openRoute } from './support/ui'
import { startServer, type RunningServer } from './support/server'

let server: RunningServer
let browser: Browser

/** A colleague who signs in once, so the admin has someone to disable. */
async function colleague(baseUrl: string, name: string) {
  const res = await fetch(`${baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'staff', name }) })
  expect(res.status).toBe(200)
  return (await res.json()) as { token: string }
}

async function deskPage(): Promise<Page> {
  const context = await guardedContext(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  return context.newPage()
}

/** Taro's <Input>/<Textarea> carry the label on their host element; the native field is inside. */
const fieldOf = (page: Page, label: string) =>
  page.locator(['input', 'textarea'].flatMap((t) => [`[aria-label="${label}"] ${t}`, `${t}[aria-label="${label}"]`]).join(', ')).filter({ visible: true }).first()

const section = async (page: Page, label: string) => {
  await page.locator('.desk-shell__view').filter({ hasText: label }).first().click()
  await visibleText(page, `管理 · ${label}`).waitFor()
}

describeInBrowser('the admin area on the H5 desk at 1440×900', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('adds a topic and a canned reply, invites a person with a QR code, and disables a colleague at once', async () => {
    const zhao = await colleague(server.baseUrl, '赵六')
    const page = await deskPage()
    await devLogin(page, server.baseUrl, '管理员', '管理员甲')
    // Opened by its address: the home page's and the desk shell's 管理 links are the app tests' to
    // check; here the sign-in's own page transition (home re-mounting under the desk) raced the tap.
    await openRoute(page, server.baseUrl, `/admin/pages/index/index`)
    await page.waitForURL(/admin\/pages\/index/)
    await visibleText(page, '管理 · 人员').waitFor()

    await screenshot(page, 'admin-00-people')
    // A desk: the sections in a sidebar beside the cards, not stacked above them.
    const sidebar = await page.locator('.desk-shell__views').filter({ visible: true }).first().boundingBox()
    const main = await page.locator('.desk-shell__main').filter({ visible: true }).first().boundingBox()
    expect(sidebar && main).toBeTruthy()
    expect(sidebar!.x + sidebar!.width).toBeLessThanOrEqual(main!.x + 1)
    expect(main!.y).toBeLessThan(sidebar!.y + sidebar!.height)

    // 重点主题: an empty name is refused in place; a real one is listed, active.
    await section(page, '重点主题')
    await tap(page, '添加主题')
    await visibleText(page, '请填写主题名称').waitFor()
    await fieldOf(page, '主题名称').fill('食品安全')
    await tap(page, '添加主题')
    await page.locator('.admin-row').filter({ hasText: '食品安全' }).waitFor()
    await screenshot(page, 'admin-01-topics')

    // 答复模板: placeholders by button, preview with sample values, saved to the list.
    await section(page, '答复模板')
    await tap(page, '新建模板')
    await fieldOf(page, '模板名称').fill('已受理告知')
    await tap(page, '留言人称呼')
    await fieldOf(page, '模板内容').press('End')
    await fieldOf(page, '模板内容').pressSequentially('您好，您的留言已受理。留言码：')
    await tap(page, '留言码')
    await visibleText(page, '张先生您好，您的留言已受理。留言码：K7M3Q9').waitFor()
    await tap(page, '填入并答复')
    await screenshot(page, 'admin-02-canned-reply-editor')
    await tap(page, '保存模板')
    await page.locator('.admin-canned').filter({ hasText: '已受理告知' }).waitFor()
    await visibleText(page, '选用后：答复').waitFor()

    // 人员: an invitation shows its code and its QR code, drawn by our server.
    await section(page, '人员')
    await tap(page, '生成邀请码')
    await visibleText(page, '请选择邀请的角色').waitFor()
    await page.locator('.admin-invite .admin-chip').filter({ hasText: '宣传人员' }).click()
    await tap(page, '生成邀请码')
    const qr = page.locator('.admin-invite__qr img, img.admin-invite__qr').first()
    await qr.waitFor()
    const code = (await page.locator('.admin-invite__code').textContent())?.trim()
    expect(code).toMatch(/^[A-Z0-9]{6,}$/)
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/)
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.admin-invite__qr img, img.admin-invite__qr')
      return Boolean(img && img.complete && img.naturalWidth > 0)
    })
    await screenshot(page, 'admin-03-invitation-qr')

    // 停用: confirmed, then the colleague's token fails on its next request.
    expect((await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${zhao.token}` } })).status).toBe(200)
    const row = page.locator('.admin-person').filter({ hasText: '赵六' })
    await row.getByText('停用', { exact: true }).click({ force: true })
    // Taro's modal lives outside the app's root.
    await page.getByText(/确定停用吗/).filter({ visible: true }).waitFor()
    await screenshot(page, 'admin-04-disable-confirm')
    await page.locator('.taro-modal__foot').getByText('确定', { exact: true }).filter({ visible: true }).click()
    await row.getByText('已停用').waitFor()
    await pageSettled(page)
    await screenshot(page, 'admin-05-person-disabled')
    expect((await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${zhao.token}` } })).status).toBe(401)
  })

  it('媒体名录, 计分规则 and 年度目标: an outlet added with its level, one rule cell saved, a department target against the bureau\'s 343 / 337 / 8', async () => {
    const admin = await (await fetch(`${server.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'admin', name: '管理员甲' }) })).json()
    const auth = { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }
    await fetch(`${server.baseUrl}/api/admin/departments`, { method: 'POST', headers: auth, body: JSON.stringify({ name: '城关市场监管所' }) })
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
    const page = await deskPage()
    await devLogin(page, server.baseUrl, '管理员', '管理员甲')
    await openRoute(page, server.baseUrl, `/admin/pages/index/index?section=outlets`)
    await visibleText(page, '管理 · 媒体名录').waitFor()
    await fieldOf(page, '媒体名称').fill('中国市场监管报')
    await page.locator('[aria-label="新媒体的级别"] .admin-chip').filter({ hasText: '中央媒体' }).click()
    await tap(page, '添加媒体')
    await page.locator('.admin-outlet__name').filter({ hasText: '中国市场监管报' }).waitFor()
    await screenshot(page, 'admin-10-outlets-1440')

    await section(page, '计分规则')
    const cell = fieldOf(page, '新闻稿件·中央媒体·头版头条')
    await cell.waitFor()
    await cell.fill('30')
    await tap(page, `保存 ${year} 年计分规则`)
    await visibleText(page, `已保存 ${year} 年计分规则`).waitFor()
    await screenshot(page, 'admin-11-scoring-rules-1440')
    const rules = await (await fetch(`${server.baseUrl}/api/admin/scoring-rules/${year}`, { headers: auth })).json()
    expect(rules).toMatchObject({ source: 'own', rules: { points: { news: { central: { front_headline: 30 } } } } })

    await section(page, '年度目标')
    await fieldOf(page, '城关市场监管所新闻稿件篇数').fill('120')
    await visibleText(page, '比全局少 223 篇').first().waitFor()
    await tap(page, `保存 ${year} 年目标（整体替换）`)
    await visibleText(page, `已保存 ${year} 年目标`).waitFor()
    await screenshot(page, 'admin-12-targets-1440')
    const targets = await (await fetch(`${server.baseUrl}/api/ledger/targets?year=${year}`, { headers: auth })).json()
    expect(targets.targets).toContainEqual(expect.objectContaining({ departmentName: '城关市场监管所', type: 'news', count: 120 }))
  })
})
