import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { describeInBrowser, desktopPage, launch, phonePage, screenshot } from './support/browser'
import { type, visibleText, tap, devLogin, openRoute, fillComplaint } from './support/ui'
import { startServer, type RunningServer } from './support/server'
import { jpegWithExif } from '../helpers/images'

let server: RunningServer
let browser: Browser

/** The API as a script would call it: staff work is not what this file looks at. */
async function api(path: string, body: object, token?: string) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body)
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return res.json()
}

describeInBrowser('the citizen’s whole journey: a message with a photo, the reply, the rating, the 留言码 without signing in, and the public board (H5, 390 px)', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('message with a photo → staff reply → 不满意 → reopened; answered again → 满意 → closed; found by code; proposed, approved, on the board masked', async () => {
    const body = '我叫李四，电话13912345678。城南农贸市场一家肉铺的电子秤短斤少两，买一斤只有八两多。'
    const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zb-e2e-follow-')), '电子秤.jpg')
    fs.writeFileSync(photo, await jpegWithExif(3000, 2000, { dateTimeOriginal: '2026:11:30 09:12:00' }))

    // The citizen leaves the message on the form: a complaint with the phone, the business, a photo
    // and consent to 选登.
    const citizen = await phonePage(browser)
    await devLogin(citizen, server.baseUrl, '群众', '李四')
    await tap(citizen, '我要留言')
    await visibleText(citizen, '留言内容').first().waitFor()
    await tap(citizen, '投诉')
    await type(citizen, '请写明事情经过、时间、地点等，便于我们办理', body)
    await fillComplaint(citizen, { phone: '13912345678', business: '城南农贸市场某肉铺', photo })
    await tap(citizen, '提交留言')
    await visibleText(citizen, '提交成功').first().waitFor()
    const trackingCode = (await citizen.locator('.message-new__code').filter({ visible: true }).innerText()).trim()
    expect(trackingCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    await screenshot(citizen, 'follow-up-00-message-with-photo-sent')
    const citizenToken = await citizen.evaluate(() => JSON.parse(localStorage.getItem('zb.token') ?? 'null')?.data ?? localStorage.getItem('zb.token'))
    const mine = (await (await fetch(`${server.baseUrl}/api/messages/mine`, { headers: { authorization: `Bearer ${citizenToken}` } })).json()) as { items: { id: string; trackingCode: string }[] }
    const posted = mine.items.find((m) => m.trackingCode === trackingCode)!
    expect(posted).toBeDefined()

    // Staff accept and answer it at the desk (1440 px): the photo is there, the phone masked.
    const staff = await api('/api/auth/dev', { role: 'staff', name: '王宣传' })
    const desk = await desktopPage(browser)
    await devLogin(desk, server.baseUrl, '宣传人员', '王宣传')
    await openRoute(desk, server.baseUrl, `/staff/pages/item/index?id=${posted.id}`)
    await visibleText(desk, '留言照片（1 张）').first().waitFor()
    await visibleText(desk, '139****5678').first().waitFor()
    await tap(desk, '受理')
    await visibleText(desk, '答复群众').first().waitFor()
    await type(desk, '答复内容将展示给留言人', '已到现场检定电子秤，责令整改。')
    await desk.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((t) => t.offsetParent === null || getComputedStyle(t).display === 'none'))
    await tap(desk, '发送答复')
    await visibleText(desk, '已答复').first().waitFor()
    await screenshot(desk, 'follow-up-00b-desk-replied-1440')

    // The citizen rates the reply.
    await openRoute(citizen, server.baseUrl, `/pages/index/index`)
    await tap(citizen, '我的留言')
    await visibleText(citizen, '您对答复满意吗？').first().waitFor()
    await screenshot(citizen, 'follow-up-01-rating-offered')
    await tap(citizen, '不满意')
    await type(citizen, '请说明哪里还没有解决，我们将重新办理', '秤还是不准，昨天又少了一两。')
    await screenshot(citizen, 'follow-up-02-dissatisfied')
    await tap(citizen, '提交并申请重新办理')
    await visibleText(citizen, '重新办理').first().waitFor()
    await visibleText(citizen, '评价：不满意').first().waitFor()
    await screenshot(citizen, 'follow-up-03-reopened')

    // Back home: the new reply shows there as news since the last look at 我的留言.
    await openRoute(citizen, server.baseUrl, `/pages/index/index`)
    await visibleText(citizen, '我要留言').first().waitFor()
    await api(`/api/items/${posted.id}/reply`, { body: '已没收问题电子秤并立案处罚。' }, staff.token)
    await citizen.reload()
    await visibleText(citizen, '1 条留言有新进展，点击查看').first().waitFor()
    await screenshot(citizen, 'follow-up-04a-home-progress')
    await tap(citizen, '1 条留言有新进展，点击查看')
    await visibleText(citizen, '您对答复满意吗？').first().waitFor()
    await tap(citizen, '满意')
    await tap(citizen, '提交评价并办结')
    await visibleText(citizen, '已办结').first().waitFor()
    expect(await visibleText(citizen, '您对答复满意吗？').count()).toBe(0)
    await screenshot(citizen, 'follow-up-04-closed')
    await openRoute(citizen, server.baseUrl, `/pages/index/index`)
    await visibleText(citizen, '凭留言码查询').first().waitFor()
    // Shown again, the home page reads the list anew: nothing is news after the citizen's own rating.
    await visibleText(citizen, '有新进展').first().waitFor({ state: 'hidden' })

    // Someone else, not signed in, with only the code.
    const stranger = await phonePage(browser)
    await openRoute(stranger, server.baseUrl, `/citizen/pages/track/index`)
    await visibleText(stranger, '留言码').first().waitFor()
    await type(stranger, '请输入 8 位留言码', trackingCode.toLowerCase())
    await tap(stranger, '查询')
    await visibleText(stranger, '已办结').first().waitFor()
    await visibleText(stranger, '已没收问题电子秤并立案处罚。').first().waitFor()
    const shown = await stranger.locator('#app').filter({ visible: true }).innerText()
    expect(shown).not.toContain('城南农贸市场一家肉铺')
    expect(shown).not.toContain('李四')
    expect(shown).not.toContain('1391234')
    expect(stranger.url()).toContain('/citizen/pages/track/index')
    await screenshot(stranger, 'follow-up-05-track-without-login')

    await type(stranger, '请输入 8 位留言码', 'ZZZZZZZZ')
    await tap(stranger, '查询')
    await visibleText(stranger, '没有找到这个留言码').first().waitFor()
    await screenshot(stranger, 'follow-up-06-track-unknown')

    await openRoute(stranger, server.baseUrl, `/citizen/pages/privacy/index`)
    await visibleText(stranger, '保存多久').first().waitFor()
    await screenshot(stranger, 'follow-up-07-privacy-notice')

    // 大字模式 (services/font.ts keeps it in storage): the tracking result and the authorisation page.
    await stranger.evaluate(() => localStorage.setItem('zb.largeFont', JSON.stringify({ data: true })))
    await openRoute(stranger, server.baseUrl, `/citizen/pages/track/index`)
    await stranger.reload()
    await type(stranger, '请输入 8 位留言码', trackingCode)
    await tap(stranger, '查询')
    await visibleText(stranger, '已没收问题电子秤并立案处罚。').first().waitFor()
    expect(await stranger.locator('.zb-page--large').filter({ visible: true }).count()).toBeGreaterThan(0)
    await screenshot(stranger, 'follow-up-07a-track-large-font')
    await openRoute(stranger, server.baseUrl, `/citizen/pages/privacy-auth/index`)
    await visibleText(stranger, '使用前请阅读隐私说明').first().waitFor()
    await tap(stranger, '拒绝')
    await visibleText(stranger, '您已拒绝，以下功能将无法使用：').first().waitFor()
    await screenshot(stranger, 'follow-up-07b-privacy-declined-large-font')

    // Staff see the two ratings in this month's 满意度, at a desk and at a phone.
    for (const [open, name] of [
      [desktopPage, 'follow-up-08-satisfaction-1440'],
      [phonePage, 'follow-up-09-satisfaction-phone']
    ] as const) {
      const page = await open(browser)
      await devLogin(page, server.baseUrl, '宣传人员', '王宣传')
      await openRoute(page, server.baseUrl, `/staff/pages/satisfaction/index`)
      await visibleText(page, '全年满意率').first().waitFor()
      await visibleText(page, '50%').first().waitFor()
      await visibleText(page, '满意 1 · 基本满意 0 · 不满意 1 · 逾期未评价 0').first().waitFor()
      await screenshot(page, name)
    }

    // The citizen consented to 选登: staff propose the answered message, another person approves
    // it, and anyone, signed out, reads it on the board with the name and phone masked.
    const reviewer = await api('/api/auth/dev', { role: 'reviewer', name: '审核甲' })
    const entry = await api(`/api/items/${posted.id}/board-proposal`, {}, staff.token)
    await api(`/api/board/proposals/${entry.id}/approve`, { version: entry.version }, reviewer.token)
    await openRoute(stranger, server.baseUrl, `/citizen/pages/board/index`)
    await visibleText(stranger, '城南农贸市场一家肉铺').first().waitFor()
    const board = await stranger.locator('#app').filter({ visible: true }).innerText()
    expect(board).toContain('李某')
    expect(board).toContain('139****5678')
    expect(board).not.toContain('13912345678')
    expect(board).not.toContain('李四')
    await screenshot(stranger, 'follow-up-10-on-the-board-masked')
  }, 240_000)
})
