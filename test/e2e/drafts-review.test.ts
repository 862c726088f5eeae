import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describeInBrowser, launch, phonePage, screenshot, pageSettled, RESULTS_DIR } from './support/browser'
import { guardedContext } from './support/policy'
import { visibleText, tap, devLogin, openRoute, routeParam, attachFile } from './support/ui'
import { startServer, type RunningServer } from './support/server'
import { photoUpload } from '../helpers/multipart'
import { jpegWithExif, png } from '../helpers/images'
import ExcelJS from 'exceljs'
import { expectChartsDrawn } from './support/charts'

let server: RunningServer
let browser: Browser

/** The same dev login the UI makes: same role and name, same user. */
async function token(role: string, name: string): Promise<{ token: string; id: string }> {
  const res = await fetch(`${server.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, name }) })
  const body = (await res.json()) as { token: string; user: { id: string } }
  return { token: body.token, id: body.user.id }
}
async function call<T>(who: { token: string }, method: string, url: string, body?: unknown, raw?: { payload: Buffer; headers: Record<string, string> }): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.baseUrl}/api${url}`, {
    method,
    headers: { authorization: `Bearer ${who.token}`, ...(raw ? raw.headers : body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: raw ? new Uint8Array(raw.payload) : body !== undefined ? JSON.stringify(body) : undefined
  })
  return { status: res.status, json: (await res.json().catch(() => null)) as T }
}

const deskPage = async (): Promise<Page> => (await guardedContext(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage()
const draftRoute = (id: string) => `/editorial/pages/draft/index?id=${id}`
const button = (page: Page, cls: string) => page.locator(cls).filter({ visible: true }).first()

describeInBrowser('drafts and the 三审 (H5): case → draft from the skeleton → three approvals by three people → publication → dashboard and export', () => {
  let caseId: string
  let draftId: string
  const people: Record<string, { token: string; id: string }> = {}

  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
    people.admin = await token('admin', '刘管理')
    people.officer = await token('officer', '李干部')
    people.staff = await token('staff', '王宣传')
    people.r1 = await token('reviewer', '赵科长')
    people.r2 = await token('reviewer', '钱副局长')
    people.r3 = await token('reviewer', '孙局长')
    const dept = await call<{ id: string }>(people.admin, 'POST', '/admin/departments', { name: '综合办公室' })
    // 赵科长 may sign every stage: the table still lets him sign only one of a draft.
    const put = await call(people.admin, 'PUT', `/admin/draft-reviewers/${dept.json.id}`, {
      first_review: [people.r1.id],
      second_review: [people.r2.id, people.r1.id],
      final_review: [people.r3.id, people.r1.id]
    })
    expect(put.status).toBe(200)
    const photo = await call<{ id: string }>(people.officer, 'POST', '/media', undefined, photoUpload(await jpegWithExif(1200, 900, { dateTimeOriginal: '2026:11:25 10:00:00' })))
    expect(photo.status).toBe(201)
    const c = await call<{ id: string }>(people.officer, 'POST', '/cases', {
      clientId: 'e2e-draft-case-0001',
      title: '城关市场开展节前食品安全检查',
      body: '今天上午，城关市场监管所对城关农贸市场 32 户经营户开展检查，发现 2 户未索证索票，已责令整改。\n原县工商局的老摊位登记信息同步更新。',
      occurredAt: '2026-11-25T02:00:00.000Z',
      place: { address: '城关镇农贸市场' },
      mediaIds: [photo.json.id]
    })
    caseId = c.json.id
    expect((await call(people.admin, 'POST', '/admin/outlets', { name: '县融媒体中心', level: 'county' })).status).toBe(201)
    expect((await call(people.staff, 'POST', `/items/${caseId}/actions`, { action: 'accept' })).status).toBe(200)
    // Who writes the draft belongs to the department whose reviewers sign it.
    await call(people.admin, 'PUT', `/admin/people/${people.staff.id}`, { departmentId: dept.json.id })
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('staff write a news draft from the accepted case on the desk, edit it (a new version) and submit it', async () => {
    const desk = await deskPage()
    await devLogin(desk, server.baseUrl, '宣传人员', '王宣传')
    await openRoute(desk, server.baseUrl, `/staff/pages/item/index?id=${caseId}`)
    await visibleText(desk, '写成稿件', true).waitFor()
    await screenshot(desk, '90-case-write-draft-1440')
    await tap(desk, '新闻稿件')
    await desk.waitForURL(/editorial\/pages\/draft/)
    await visibleText(desk, '修改稿件', true).waitFor()
    draftId = routeParam(desk, 'id')!
    expect(draftId).toMatch(/^[0-9a-f-]{36}$/)
    // The skeleton: the case's facts and the photo's capture facts, placeholders for the rest.
    await visibleText(desk, '2026年11月25日，').first().waitFor()
    await visibleText(desk, '【请补充：处理结果】').first().waitFor()
    await visibleText(desk, '摄于2026年11月25日 10:00').first().waitFor()
    // The case's own outdated agency name is flagged before anyone signs.
    await visibleText(desk, '「工商局」是不规范或易错的表述').first().waitFor()
    await screenshot(desk, '91-draft-skeleton-1440')

    await tap(desk, '修改稿件')
    // The block whose text is the result placeholder (a textarea's value is not its text content).
    const boxes = desk.locator('.draft-editor__text textarea').filter({ visible: true })
    await boxes.first().waitFor()
    let filled = false
    for (let i = 0; i < (await boxes.count()) && !filled; i++) {
      if ((await boxes.nth(i).inputValue()).startsWith('处理结果')) {
        await boxes.nth(i).fill('处理结果：**2 户**经营户已当场整改到位。')
        filled = true
      }
    }
    expect(filled).toBe(true)
    await screenshot(desk, '91b-draft-editor-1440')
    await tap(desk, '保存新版本')
    await visibleText(desk, '第 2 版', false).first().waitFor()
    await visibleText(desk, '2 户').first().waitFor()
    await tap(desk, '历史版本与修改对比')
    await tap(desk, '与当前比较')
    await desk.locator('.versions-panel__ins').filter({ visible: true }).first().waitFor()
    await screenshot(desk, '92-draft-diff-1440')
    await tap(desk, '提交审核')
    await visibleText(desk, '待初审').first().waitFor()
  })

  it('初审 on a phone (from 待我审核), 复审 on the desk; the 初审 signer is refused at 复审 and 终审', async () => {
    const phone = await phonePage(browser)
    await devLogin(phone, server.baseUrl, '审核人', '赵科长')
    // On a phone the desk shell keeps its links behind 菜单. The bell beside it fills in its count
    // (the submission asked 赵科长 to review) after the page shows: a tap before that could land on it.
    await phone.locator('.bell__count').filter({ visible: true }).first().waitFor()
    await tap(phone, '菜单')
    await tap(phone, '稿件 · 待我审核')
    await phone.locator('.drafts__row').filter({ visible: true }).first().waitFor()
    await screenshot(phone, '93-review-queue-390')
    await phone.locator('.drafts__row').filter({ visible: true }).first().click()
    await button(phone, '.review-panel__action--approve_first').waitFor()
    await screenshot(phone, '94-draft-review-390')
    // A comment on one paragraph: tap it in the text, then write.
    await phone.locator('.draft-content__block').filter({ visible: true }).first().click()
    await phone.locator('.draft-page__comment-input textarea').filter({ visible: true }).fill('导语可再精炼')
    await tap(phone, '添加批注')
    await visibleText(phone, '导语可再精炼').first().waitFor()
    await phone.locator('.review-panel__note textarea').filter({ visible: true }).fill('同意，请复审')
    await button(phone, '.review-panel__action--approve_first').click()
    await visibleText(phone, '待复审').first().waitFor()
    // 赵科长 is configured for 复审 too, but has signed 初审: no button, and the server refuses.
    expect(await phone.locator('.review-panel__action--approve_second').filter({ visible: true }).count()).toBe(0)
    const refused = await call<{ error: string }>(people.r1, 'POST', `/drafts/${draftId}/actions`, { action: 'approve_second', version: 2 })
    expect(refused).toMatchObject({ status: 409, json: { error: 'stage_already_signed' } })

    const desk = await deskPage()
    await devLogin(desk, server.baseUrl, '审核人', '钱副局长')
    await openRoute(desk, server.baseUrl, draftRoute(draftId))
    await button(desk, '.review-panel__action--approve_second').click()
    await visibleText(desk, '待终审').first().waitFor()
  })

  it('终审 needs every flag acknowledged; three signers on the approval sheet; a fourth attempt by an earlier signer refused', async () => {
    const desk = await deskPage()
    await devLogin(desk, server.baseUrl, '审核人', '孙局长')
    await openRoute(desk, server.baseUrl, draftRoute(draftId))
    await button(desk, '.review-panel__action--approve_final').click()
    await visibleText(desk, '发布前检查还有').first().waitFor()
    await screenshot(desk, '95-final-blocked-by-flags-1440')
    for (;;) {
      const note = desk.locator('.review-panel__ack-note textarea').filter({ visible: true })
      if ((await note.count()) === 0) break
      await note.first().fill('原文为机构改革前的旧称，正文已核实')
      await button(desk, '.review-panel__ack-button').click()
      await pageSettled(desk)
      await desk.waitForFunction((n) => document.querySelectorAll('.review-panel__ack-note').length < n, await note.count())
    }
    await visibleText(desk, '已确认：孙局长').first().waitFor()
    await button(desk, '.review-panel__action--approve_final').click()
    await visibleText(desk, '已审定').first().waitFor()
    // The fourth attempt: the 初审 signer at 终审 (already approved now, and never theirs).
    const fourth = await call<{ error: string }>(people.r1, 'POST', `/drafts/${draftId}/actions`, { action: 'approve_final', version: 2 })
    expect(fourth.status).toBe(409)
    const detail = await call<{ signatures: { signer: { name: string } | null }[] }>(people.staff, 'GET', `/drafts/${draftId}`)
    expect(detail.json.signatures.map((s) => s.signer?.name)).toEqual(['赵科长', '钱副局长', '孙局长'])

    await tap(desk, '打印稿件审批表')
    await desk.locator('.sheet__paper').filter({ visible: true }).waitFor()
    for (const name of ['赵科长', '钱副局长', '孙局长']) await visibleText(desk, `签字：${name}`).first().waitFor()
    await screenshot(desk, '96-approval-sheet-1440')
    await desk.emulateMedia({ media: 'print' })
    await screenshot(desk, '97-approval-sheet-print')
    fs.mkdirSync(RESULTS_DIR, { recursive: true })
    const pdf = path.join(RESULTS_DIR, '98-approval-sheet.pdf')
    await desk.pdf({ path: pdf, format: 'A4', printBackground: true })
    expect(fs.statSync(pdf).size).toBeGreaterThan(10_000)
  })

  it('登记发表 on the desk with a screenshot as proof: the draft and its case are published; the ledger, the dashboard and the downloaded assessment sheet show its points', async () => {
    const desk = await deskPage()
    await devLogin(desk, server.baseUrl, '宣传人员', '王宣传')
    await openRoute(desk, server.baseUrl, draftRoute(draftId))
    await tap(desk, '登记发表')
    await desk.waitForURL(/editorial\/pages\/publish/)
    await visibleText(desk, '发表媒体', true).first().waitFor()
    // Nothing chosen yet: the form says what is missing, next to each field.
    await tap(desk, '登记发表')
    await visibleText(desk, '请选择发表媒体').first().waitFor()
    await visibleText(desk, '请填写发表链接，或上传截图、扫描件作为发表凭证').first().waitFor()
    await tap(desk, '县融媒体中心（县级媒体）')
    await tap(desk, '微信')
    await tap(desk, '头版')
    await attachFile(desk, '上传截图或扫描件', { name: 'proof.png', mimeType: 'image/png', buffer: await png(720, 1280) })
    await visibleText(desk, '已上传', true).first().waitFor({ timeout: 60_000 })
    await screenshot(desk, '98a-publish-form-1440')
    await tap(desk, '登记发表')
    await visibleText(desk, '已登记到「县融媒体中心」').first().waitFor()
    await desk.locator('.publish__records .publication-card__thumb').filter({ visible: true }).first().waitFor()
    await screenshot(desk, '98b-publish-recorded-1440')
    const records = await call<{ publications: { points: number; proof: { id: string } | null; outlet: { name: string } }[] }>(people.staff, 'GET', `/publications?draftId=${draftId}`)
    expect(records.json.publications).toHaveLength(1)
    expect(records.json.publications[0]).toMatchObject({ outlet: { name: '县融媒体中心' }, proof: expect.objectContaining({ id: expect.any(String) }) })
    const points = records.json.publications[0]!.points
    expect(points).toBeGreaterThan(0)
    const item = await call<{ status: string }>(people.staff, 'GET', `/items/${caseId}`)
    expect(item.json.status).toBe('published')

    await tap(desk, '查看发表台账')
    await desk.waitForURL(/editorial\/pages\/ledger/)
    await visibleText(desk, `共 1 篇，${points} 分`).first().waitFor()
    await screenshot(desk, '98c-ledger-list-1440')
    // On a phone too: the list, and the month filter's empty state.
    const phone = await phonePage(browser)
    await devLogin(phone, server.baseUrl, '宣传人员', '王宣传')
    await openRoute(phone, server.baseUrl, '/editorial/pages/ledger/index')
    await phone.locator('.publication-card').filter({ visible: true }).first().waitFor()
    await screenshot(phone, '98d-ledger-list-390')

    // 进度看板 counts it, and the annual assessment sheet the browser downloads has it, cell by cell.
    await openRoute(desk, server.baseUrl, '/editorial/pages/dashboard/index')
    await visibleText(desk, `共 1 篇，${points} 分`).first().waitFor({ timeout: 30_000 })
    await expectChartsDrawn(desk)
    await screenshot(desk, '98e-dashboard-1440')
    await openRoute(phone, server.baseUrl, '/editorial/pages/dashboard/index')
    await visibleText(phone, `共 1 篇，${points} 分`).first().waitFor({ timeout: 30_000 })
    await expectChartsDrawn(phone)
    await screenshot(phone, '98f-dashboard-390')
    const download = desk.waitForEvent('download', { timeout: 30_000 })
    await tap(desk, '导出年度考核表')
    const file = await (await download).path()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const sheet = wb.getWorksheet('年度考核')!
    const row = [3, 4, 5, 6].map((r) => sheet.getRow(r)).find((r) => r.getCell(2).value === '综合办公室')!
    expect([row.getCell(3).value, row.getCell(11).value]).toEqual([1, points])
    const detail = wb.getWorksheet('发表明细')!
    expect([detail.getRow(3).getCell(3).value, detail.getRow(3).getCell(11).value]).toEqual(['城关市场开展节前食品安全检查', points])
  })

  it('大字模式 on a phone enlarges the draft text and its controls', async () => {
    const phone = await phonePage(browser)
    await devLogin(phone, server.baseUrl, '宣传人员', '王宣传')
    await phone.evaluate(() => localStorage.setItem('zb.largeFont', JSON.stringify({ data: true })))
    await openRoute(phone, server.baseUrl, draftRoute(draftId))
    await phone.locator('.zb-page--large .draft-content__p').filter({ visible: true }).first().waitFor()
    const size = await phone.locator('.draft-content__p').filter({ visible: true }).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(20)
    const link = await phone.locator('.review-panel__link').filter({ visible: true }).first().boundingBox()
    expect(link!.height).toBeGreaterThanOrEqual(56)
    await screenshot(phone, '99-draft-large-font-390')
  })

  it('the desk: drafts list at 1440 px and the admin 三审审核人 section', async () => {
    const desk = await deskPage()
    await devLogin(desk, server.baseUrl, '管理员', '刘管理')
    // A fresh load of the page (not a hash change under the inbox that is still loading).
    await openRoute(desk, server.baseUrl, `/editorial/pages/drafts/index?view=all`)
    await desk
      .locator('.drafts__row')
      .filter({ visible: true })
      .first()
      .waitFor()
      .catch(async (e) => {
        await screenshot(desk, 'failed-drafts-list')
        throw e
      })
    await screenshot(desk, '89-drafts-list-1440')
    await openRoute(desk, server.baseUrl, `/admin/pages/index/index?section=reviewers`)
    await visibleText(desk, '综合办公室').first().waitFor()
    await visibleText(desk, '初审（科室负责人）').first().waitFor()
    await screenshot(desk, '88-admin-draft-reviewers-1440')
  })
})
