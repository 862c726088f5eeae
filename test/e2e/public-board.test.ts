import type { Browser, Page } from 'playwright-core'
import { describeInBrowser, launch, pageSettled, phonePage, screenshot } from './support/browser'
import { guardedContext } from './support/policy'
import { tap, visibleText, devLogin, openRoute } from './support/ui'
import { startServer, type RunningServer } from './support/server'

let server: RunningServer
let browser: Browser

const PHONE = '13812345678'
const QUESTION = `我叫张三，手机${PHONE}。东关夜市烧烤摊占道经营到凌晨两点，油烟扰民。`
const REPLY = '已联系城关市场监管所现场核查，责令规范经营，后续将持续巡查。'

async function api<T>(path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  expect(res.status).toBeLessThan(300)
  return (await res.json()) as T
}

/** The citizen's message (with consent) and the bureau's reply, made through the API: the board's flow starts after them. */
async function repliedMessage(): Promise<string> {
  const citizen = await api<{ token: string }>('/api/auth/dev', undefined, { role: 'citizen', name: '张三' })
  const { id } = await api<{ id: string }>('/api/messages', citizen.token, { category: 'complaint', body: QUESTION, contactPhone: PHONE, business: { name: '阳光超市' }, publicConsent: true })
  const staff = await api<{ token: string }>('/api/auth/dev', undefined, { role: 'staff', name: '赵办理' })
  await api(`/api/items/${id}/actions`, staff.token, { action: 'accept' })
  await api(`/api/items/${id}/reply`, staff.token, { body: REPLY })
  return id
}

async function deskPage(): Promise<Page> {
  const context = await guardedContext(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  return context.newPage()
}

describeInBrowser('the public board (选登): staff propose, a reviewer approves, anyone reads it masked (H5)', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('propose at the 1440 px desk → approve on a phone → the board shows it masked without login', async () => {
    const itemId = await repliedMessage()

    // Staff at the desk: the item page's 留言选登 card shows the masker's preview.
    const staff = await deskPage()
    await devLogin(staff, server.baseUrl, '宣传人员', '王宣传')
    await openRoute(staff, server.baseUrl, `/staff/pages/item/index?id=${itemId}`)
    await tap(staff, '提议选登')
    await visibleText(staff, '公开的留言').first().waitFor()
    await visibleText(staff, '138****5678').first().waitFor()
    await screenshot(staff, '60-board-propose-desk-1440')
    await tap(staff, '提交选登审核')
    await visibleText(staff, '这条留言已提议选登').first().waitFor()

    // The reviewer, on a phone: the queue shows the masked text; approving publishes it.
    const reviewer = await phonePage(browser)
    await devLogin(reviewer, server.baseUrl, '审核人', '李审核')
    await openRoute(reviewer, server.baseUrl, `/staff/pages/board-review/index`)
    await visibleText(reviewer, '批准选登', true).first().waitFor()
    await screenshot(reviewer, '61-board-review-phone')
    await tap(reviewer, '批准选登')
    await visibleText(reviewer, '没有「待审核」的选登').first().waitFor()

    // Back at the desk: the entry is under 已选登, with who approved it (only reviewers may take it down).
    await openRoute(staff, server.baseUrl, `/staff/pages/board-review/index`)
    await tap(staff, '已选登')
    await visibleText(staff, '李审核 审核于', false).first().waitFor()
    await screenshot(staff, '65-board-review-published-desk-1440')

    // Anyone, signed out: the board lists it masked, and the entry's page shows question and answer.
    const reader = await phonePage(browser)
    await openRoute(reader, server.baseUrl, `/citizen/pages/board/index`)
    await visibleText(reader, '东关夜市烧烤摊').first().waitFor()
    const text = await reader.locator('#app').filter({ visible: true }).innerText()
    expect(text).toContain('138****5678')
    expect(text).toContain('张某')
    expect(text).not.toContain(PHONE)
    expect(text).not.toContain('张三')
    await screenshot(reader, '62-board-list-phone')
    await visibleText(reader, '东关夜市烧烤摊').first().click()
    await visibleText(reader, '县市场监管局答复').first().waitFor()
    await visibleText(reader, REPLY).first().waitFor()
    await screenshot(reader, '63-board-entry-phone')

    // 大字模式: the same board with the large-font preference on (as the home page's switch stores it).
    await reader.evaluate(() => localStorage.setItem('zb.largeFont', JSON.stringify({ data: true })))
    // A fresh load of the list (the preference is read when a page mounts).
    await openRoute(reader, server.baseUrl, `/citizen/pages/board/index`)
    await reader.reload()
    await reader.locator('.board__chip').filter({ visible: true }).first().waitFor()
    await reader.locator('.zb-page--large').filter({ visible: true }).first().waitFor()
    await pageSettled(reader)
    await screenshot(reader, '64-board-list-phone-large')
    const chip = await reader.locator('.board__chip').filter({ visible: true }).first().boundingBox()
    expect(chip!.height).toBeGreaterThanOrEqual(44)

    // Search finds it by its words, never by the masked phone.
    const found = await api<{ items: unknown[] }>(`/api/board?q=${encodeURIComponent('油烟')}`)
    expect(found.items).toHaveLength(1)
    expect((await api<{ items: unknown[] }>(`/api/board?q=${PHONE}`)).items).toHaveLength(0)
  }, 240_000)
})
