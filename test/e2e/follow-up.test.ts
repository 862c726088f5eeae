import type { Browser } from 'playwright-core'
import { describeInBrowser, desktopPage, launch, phonePage, screenshot } from './support/browser'
import { type, visibleText, tap, devLogin, openRoute } from './support/ui'
import { startServer, type RunningServer } from './support/server'

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

describeInBrowser('the citizen rates a reply, and the 留言码 finds the message without signing in (H5, 390 px)', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launch()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('citizen rates 不满意 → reopened; answered again → 满意 → closed; anyone finds it by code', async () => {
    const body = '我叫李四，电话13912345678。城南农贸市场一家肉铺的电子秤短斤少两，买一斤只有八两多。'
    // The citizen's message and the staff's reply, through the API.
    const citizenSession = await api('/api/auth/dev', { role: 'citizen', name: '李四' })
    const staff = await api('/api/auth/dev', { role: 'staff', name: '王宣传' })
    const posted = await api('/api/messages', { category: 'complaint', body, contactPhone: '13912345678', business: { name: '城南农贸市场某肉铺' }, publicConsent: true }, citizenSession.token)
    await api(`/api/items/${posted.id}/actions`, { action: 'accept' }, staff.token)
    await api(`/api/items/${posted.id}/reply`, { body: '已到现场检定电子秤，责令整改。' }, staff.token)

    const citizen = await phonePage(browser)
    await devLogin(citizen, server.baseUrl, '群众', '李四')
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
    await type(stranger, '请输入 8 位留言码', posted.trackingCode.toLowerCase())
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
    await type(stranger, '请输入 8 位留言码', posted.trackingCode)
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
      const desk = await open(browser)
      await devLogin(desk, server.baseUrl, '宣传人员', '王宣传')
      await openRoute(desk, server.baseUrl, `/staff/pages/satisfaction/index`)
      await visibleText(desk, '全年满意率').first().waitFor()
      await visibleText(desk, '50%').first().waitFor()
      await visibleText(desk, '满意 1 · 基本满意 0 · 不满意 1 · 逾期未评价 0').first().waitFor()
      await screenshot(desk, name)
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
