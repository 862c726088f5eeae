import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { describeInBrowser, launch, phonePage, screenshot } from './support/browser'
import { type, visibleText, tap, devLogin, attachFile } from './support/ui'
import { startServer, type RunningServer } from './support/server'
import { jpegWithExif } from '../helpers/images'

let server: RunningServer
let browser: Browser
let photos: string[]

describeInBrowser('an officer posts a typical case with photos and staff see it (H5, phone viewport)', () => {
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zb-e2e-photos-'))
    // Camera-sized, so compression and upload progress have something to do; made while the
    // server starts (each can take a minute on a busy machine).
    const making = Promise.all(
      [1, 2].map(async (i) => {
        const file = path.join(dir, `现场${i}.jpg`)
        // As a phone camera writes them: capture time and, on the first, the GPS fix.
        const gps = i === 1 ? { gps: { latRef: 'N' as const, lat: '34/1 15/1 0/1', lngRef: 'E' as const, lng: '108/1 56/1 0/1' } } : {}
        fs.writeFileSync(file, await jpegWithExif(4000, 3000, { dateTimeOriginal: '2026:11:25 09:3' + i + ':00', ...gps }))
        return file
      })
    )
    // Every request and its status in the server's output, printed if the upload never lands.
    const starting = startServer({ LOG_LEVEL: 'info' }).then((s) => (server = s))
    // Assigned as each is ready, so afterAll closes what did start even if another part failed.
    const launching = launch().then((b) => (browser = b))
    ;[photos] = await Promise.all([making, starting, launching])
    // Above startServer's own 150 s limit, so a slow start reports as that, with the server's output.
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  // Numbers and Latin words, often enough that some fall at a line end on a phone.
  const BODY = '检查农贸市场经营户 32 户，发现 2 户未索证索票，已责令整改。' + '抽检 CCC 认证电器和预包装食品 300 余份，'.repeat(8)

  it('officer fills the form, adds two photos, submits; the outbox shows it sending, then the server has it; staff see thumbnails and photos', async () => {
    const title = '城关所开展节前食品安全检查'
    const officer = await phonePage(browser)
    await devLogin(officer, server.baseUrl, '基层干部', '李干部')
    await tap(officer, '报送事例')
    await visibleText(officer, '事例内容')
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (e) => {
        await screenshot(officer, 'failed-officer-case-form')
        throw e
      })
    await type(officer, '一句话概括，如：某所查处过期食品', title)
    await type(officer, '发生了什么、涉及谁、处理结果如何', BODY)
    await type(officer, '如：城关镇人民路 12 号某超市', '城关镇农贸市场')

    await attachFile(officer, '拍照/相册', photos)
    await officer.locator('.case-form img, .case-form taro-image-core').filter({ visible: true }).nth(1).waitFor({ timeout: 30_000 })
    await screenshot(officer, '11-officer-case-form')

    // One bar of signal: uploads crawl at 150 KB/s, so the outbox shows them being sent.
    const cdp = await officer.context().newCDPSession(officer)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: 200 * 1024, uploadThroughput: 150 * 1024 })
    await tap(officer, '提交事例')
    // The app scrolls up to the outbox entry it just made; a tap during that scroll misses.
    await visibleText(officer, '发送中').first().waitFor({ timeout: 30_000 })
    await officer.waitForFunction(() => window.scrollY === 0 && Array.from(document.querySelectorAll('.taro_page')).every((p) => p.scrollTop === 0))
    await tap(officer, '查看我的事例')
    await visibleText(officer, '发送中').first().waitFor({ timeout: 30_000 })
    await screenshot(officer, '12a-officer-outbox-sending')
    // Delivered: the server's card for the case (待处理) stands in for the outbox entry, whose
    // 已提交 shows only until the list has reloaded (each sent case is listed once).
    await officer
      .waitForFunction(
        (t) =>
          Array.from(document.querySelectorAll<HTMLElement>('.my-cases__item[data-status="new"]')).some((c) => c.offsetParent !== null && c.innerText.includes(t)) &&
          !Array.from(document.querySelectorAll<HTMLElement>('.outbox__entry')).some((e) => e.offsetParent !== null),
        title,
        { timeout: 90_000 }
      )
      .catch((e) => {
        // What the server said about the uploads is the first thing to read when they never finish.
        console.error(server.output().slice(-6000))
        throw e
      })
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    await visibleText(officer, title).first().waitFor()
    await screenshot(officer, '12-officer-my-cases')

    const staff = await phonePage(browser)
    await devLogin(staff, server.baseUrl, '宣传人员', '王宣传')
    await visibleText(staff, title).first().waitFor()
    const thumbs = staff.locator('img[src*="/api/media/"]').filter({ visible: true })
    await thumbs.nth(1).waitFor()
    // The thumbnails really load: signed links the browser can fetch.
    await staff.waitForFunction(() => Array.from(document.querySelectorAll('img[src*="/api/media/"]')).filter((i) => (i as HTMLImageElement).naturalWidth > 0).length >= 2)
    await screenshot(staff, '13-staff-inbox-with-case')
    await visibleText(staff, title).first().click()
    await visibleText(staff, '城关镇农贸市场').first().waitFor()
    await staff.waitForFunction(() => Array.from(document.querySelectorAll('img[src*="/api/media/"]')).filter((i) => (i as HTMLImageElement).naturalWidth > 0 && (i as HTMLImageElement).offsetParent !== null).length >= 2)
    await screenshot(staff, '14-staff-case-detail')

    // The capture time survived compression, read on the device and labelled as such.
    await visibleText(staff, '拍摄于 2026-11-25 09:31（设备记录）').waitFor()
    await visibleText(staff, '拍摄于 2026-11-25 09:32（设备记录）').waitFor()

    // The browser compressed the 4000×3000 originals to a long side of 1,920 before sending.
    const api = (path: string, token?: string, body?: object) =>
      fetch(server.baseUrl + path, {
        method: body ? 'POST' : 'GET',
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined
      }).then((r) => r.json())
    const { token } = await api('/api/auth/dev', undefined, { role: 'staff', name: '王宣传' })
    const [row] = (await api('/api/inbox?kind=case', token)).items
    const detail = await api(`/api/items/${row.id}`, token)
    expect(detail.photos.map((p: { width: number; height: number }) => [p.width, p.height])).toEqual([
      [1920, 1440],
      [1920, 1440]
    ])
    // Compression dropped the EXIF, so the server read nothing itself; the phone's reading is
    // stored apart, place included (an officer's photo).
    expect(detail.photos.map((p: { takenAt?: string }) => p.takenAt)).toEqual([undefined, undefined])
    // Told apart by capture time: Taro's H5 chooseMedia lists picked files as each finishes loading,
    // so the order of two picked at once varies.
    const byTime = Object.fromEntries(detail.photos.map((p: { deviceTakenAt: string }) => [p.deviceTakenAt, p]))
    expect(Object.keys(byTime).sort()).toEqual(['2026-11-25T01:31:00.000Z', '2026-11-25T01:32:00.000Z'])
    expect(byTime['2026-11-25T01:31:00.000Z']).toMatchObject({ deviceGps: { lat: 34.25, lng: 108.9333333 }, gps: null })
    expect(byTime['2026-11-25T01:32:00.000Z'].deviceGps).toBeUndefined()
  }, 300_000)
})
