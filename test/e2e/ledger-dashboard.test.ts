// 进度看板 in the browser against the real server: an empty year first, then one published piece
// (seeded through the API: case → draft → 三审 → 登记发表) drawn at a phone's and the desk's width.
import type { Browser, Page } from 'playwright-core'
import { describeInBrowser, launch, phonePage, screenshot } from './support/browser'
import { guardedContext } from './support/policy'
import { visibleText, devLogin, openRoute, tap } from './support/ui'
import { startServer, type RunningServer } from './support/server'

let server: RunningServer
let browser: Browser
const ROUTE = '/editorial/pages/dashboard/index'
type Who = { token: string; id: string }

async function token(role: string, name: string): Promise<Who> {
  const res = await fetch(`${server.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, name }) })
  const body = (await res.json()) as { token: string; user: { id: string } }
  return { token: body.token, id: body.user.id }
}
async function call<T>(who: Who, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.baseUrl}/api${url}`, {
    method,
    headers: { authorization: `Bearer ${who.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined
  })
  const json = (await res.json().catch(() => null)) as T
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

/** One approved news piece published in a county outlet today, credited to the writer's department. */
async function publishOne(people: Record<string, Who>) {
  const dept = await call<{ id: string }>(people.admin!, 'POST', '/admin/departments', { name: '综合办公室' })
  await call(people.admin!, 'PUT', `/admin/draft-reviewers/${dept.id}`, { first_review: [people.r1!.id], second_review: [people.r2!.id], final_review: [people.r3!.id] })
  await call(people.admin!, 'PUT', `/admin/people/${people.staff!.id}`, { departmentId: dept.id })
  const c = await call<{ id: string }>(people.officer!, 'POST', '/cases', {
    clientId: 'e2e-dashboard-case-0001',
    title: '城关市场开展节前食品安全检查',
    body: '今天上午，城关市场监管所对城关农贸市场 32 户经营户开展检查，发现 2 户未索证索票，已责令整改。',
    occurredAt: new Date().toISOString(),
    place: { address: '城关镇农贸市场' },
    mediaIds: []
  })
  await call(people.staff!, 'POST', `/items/${c.id}/actions`, { action: 'accept' })
  let d = await call<{ id: string; version: number }>(people.staff!, 'POST', '/drafts', { type: 'news', caseIds: [c.id] })
  d = await call(people.staff!, 'POST', `/drafts/${d.id}/actions`, { action: 'submit', version: d.version })
  for (const [who, action] of [['r1', 'approve_first'], ['r2', 'approve_second'], ['r3', 'approve_final']] as const) d = await call(people[who]!, 'POST', `/drafts/${d.id}/actions`, { action, version: d.version })
  const outlet = await call<{ id: string }>(people.admin!, 'POST', '/admin/outlets', { name: '县融媒体中心', level: 'county' })
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  await call(people.staff!, 'POST', '/publications', { draftId: d.id, outletId: outlet.id, channel: 'wechat', placement: 'general', publishedOn: today, link: 'http://localhost/e2e-publication' })
}

describeInBrowser('进度看板 (H5)', () => {
  const people: Record<string, Who> = {}
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
    for (const [key, role, name] of [['admin', 'admin', '刘管理'], ['officer', 'officer', '李干部'], ['staff', 'staff', '王宣传'], ['r1', 'reviewer', '赵科长'], ['r2', 'reviewer', '钱副局长'], ['r3', 'reviewer', '孙局长']] as const) people[key] = await token(role, name)
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows the empty year, then the published piece in the figures and charts, on a phone and at the desk', async () => {
    const phone = await phonePage(browser)
    await devLogin(phone, server.baseUrl, '宣传人员', '王宣传')
    await openRoute(phone, server.baseUrl, ROUTE)
    await visibleText(phone, '年还没有登记发表').waitFor({ timeout: 30_000 })
    await screenshot(phone, 'ledger-dashboard-empty-phone')

    await publishOne(people)
    await openRoute(phone, server.baseUrl, ROUTE)
    await visibleText(phone, '共 1 篇').waitFor({ timeout: 30_000 })
    await expectDrawn(phone)
    await screenshot(phone, 'ledger-dashboard-phone')

    const desk: Page = await (await guardedContext(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage()
    await devLogin(desk, server.baseUrl, '管理员', '刘管理')
    await openRoute(desk, server.baseUrl, ROUTE)
    await visibleText(desk, '共 1 篇').waitFor({ timeout: 30_000 })
    await visibleText(desk, '提醒进度落后的部门', true).waitFor()
    await expectDrawn(desk)
    await screenshot(desk, 'ledger-dashboard-desk')
    // The export goes through download.h5.ts: fetched with the token, saved under the server's name.
    const download = desk.waitForEvent('download', { timeout: 30_000 })
    await tap(desk, '导出年度考核表')
    await desk.locator('.dashboard__done, .dashboard__actions .zb-error').filter({ visible: true }).first().waitFor({ timeout: 30_000 })
    await screenshot(desk, 'ledger-dashboard-exported')
    expect(await desk.locator('.dashboard__actions .zb-error').count()).toBe(0)
    expect((await download).suggestedFilename()).toMatch(/^\d{4}年度考核表\.xlsx$/)
  }, 240_000)
})

/** The canvases really were drawn on: some pixel of each is not transparent. */
async function expectDrawn(page: Page) {
  await page.waitForFunction(() => {
    const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('canvas.chart-canvas')).filter((c) => c.offsetParent !== null)
    return (
      canvases.length >= 3 &&
      canvases.every((c) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true
        return false
      })
    )
  }, undefined, { timeout: 20_000 })
}
