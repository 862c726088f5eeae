import type { Browser, Page } from 'playwright-core'
import { describeInBrowser, launch, screenshot } from './support/browser'
import { visibleText, devLogin } from './support/ui'
import { startServer, type RunningServer } from './support/server'
import { COMPLAINT_EXTRAS } from '../helpers/message-fixtures'

let server: RunningServer
let browser: Browser

async function citizenPosts(baseUrl: string, body: string) {
  const login = await fetch(`${baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'citizen', name: '张三' }) })
  const { token } = (await login.json()) as { token: string }
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ category: 'complaint', ...COMPLAINT_EXTRAS, body })
  })
  expect(res.status).toBe(201)
}

const seen: string[] = []
async function deskPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  page.on('response', (r) => {
    if (/presence|events/.test(r.url())) seen.push(`${r.request().method()} ${r.url().replace(/ticket=[^&]+/, 'ticket=…')} ${r.status()}`)
  })
  page.on('console', (m) => seen.push(`console: ${m.text()}`))
  return page
}
const rows = (page: Page) => page.locator('.desk-row').filter({ visible: true })

const FIRST = '南街早餐店门前污水直排，路面结冰，行人易滑倒。'
const LATER = '西城加油站疑似销售不合格汽油，车辆加油后故障。'

describeInBrowser('live updates on the H5 desk at 1440×900', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
    await citizenPosts(server.baseUrl, FIRST)
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('A sees B working on the item A has open, and a new message arrives without reloading', async () => {
    const a = await deskPage()
    const b = await deskPage()
    await devLogin(a, server.baseUrl, '宣传人员', '王五')
    await devLogin(b, server.baseUrl, '宣传人员', '李四')

    // A opens the item first; no one else has it open yet.
    await rows(a).filter({ hasText: FIRST.slice(0, 10) }).locator('.desk-row__excerpt').click()
    const detailA = a.locator('.desk__detail').filter({ visible: true })
    await detailA.getByText(FIRST).waitFor()
    expect(await a.locator('.zb-presence-note').count()).toBe(0)

    // B opens it: A's panel says so, pushed over the event stream (A does nothing).
    await rows(b).filter({ hasText: FIRST.slice(0, 10) }).locator('.desk-row__excerpt').click()
    await b.locator('.desk__detail').filter({ visible: true }).getByText(FIRST).waitFor()
    await detailA.locator('.zb-presence-note', { hasText: '李四 正在处理' }).waitFor({ timeout: 20_000 }).catch((err) => {
      throw new Error(`${err.message}\n${seen.join('\n')}`)
    })
    // And B, whose heartbeat answers with the others, sees A.
    await b.locator('.zb-presence-note', { hasText: '王五 正在处理' }).waitFor({ timeout: 20_000 })
    await screenshot(a, '41-live-presence-1440')

    // A citizen writes in: A's list offers it without moving the rows A is reading.
    const before = a.url()
    await citizenPosts(server.baseUrl, LATER)
    await visibleText(a, '有 1 条新事项，点击查看').waitFor({ timeout: 20_000 })
    expect(await rows(a).count()).toBe(1)
    await screenshot(a, '42-live-new-item-bar-1440')
    await visibleText(a, '有 1 条新事项，点击查看').click()
    await rows(a).filter({ hasText: LATER.slice(0, 10) }).waitFor()
    expect(await rows(a).count()).toBe(2)
    expect(a.url()).toBe(before)

    // B leaves the item (closes the tab's context): A's note goes once B's presence is gone.
    await b.context().close()
    await detailA.locator('.zb-presence-note').waitFor({ state: 'detached', timeout: 60_000 })
    await screenshot(a, '43-live-after-leaving-1440')
  }, 240_000)
})
