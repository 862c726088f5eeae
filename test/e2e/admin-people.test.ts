import type { Browser, Page } from 'playwright-core'
import { describeInBrowser, desktopPage, launch, phonePage, screenshot } from './support/browser'
import { visibleText, tap, devLogin, openRoute } from './support/ui'
import { startServer, type RunningServer } from './support/server'
import { LARGE_RULES, NORMAL_RULES, sizeProblems } from './support/measure'

// 人员 with more people than a page: 加载更多, the search and the chips, the empty state, at the
// desk width (1440) and on a phone, in the normal size and in 大字模式; sizes measured by the
// rules of support/measure.ts, screenshots under test-results/admin-people-*.png.

let server: RunningServer
let browser: Browser
const OFFICERS = 63
/** Everyone the admin manages: the officers, the desk people below and the first-start admin account. */
let everyone = 0

async function api(path: string, token: string | null, method = 'GET', body?: object) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {})
  })
  expect([path, res.status]).toEqual([path, method === 'POST' && path.startsWith('/api/admin/') ? 201 : 200])
  return res.json()
}
const signIn = async (role: string, name: string) => (await api('/api/auth/dev', null, 'POST', { role, name })) as { token: string; user: { id: string } }

async function openPeople(page: Page) {
  await openRoute(page, server.baseUrl, '/admin/pages/index/index?section=people')
  await visibleText(page, '已显示 50 人').waitFor({ timeout: 30_000 })
}

async function setLarge(page: Page, large: boolean) {
  await openRoute(page, server.baseUrl, '/pages/index/index')
  const toggle = page.locator('.home__setting .nut-switch').filter({ visible: true })
  await toggle.waitFor()
  if ((await toggle.getAttribute('aria-checked')) !== String(large)) await toggle.click()
  await page.waitForFunction((want) => (document.querySelector('.zb-page--large') !== null) === want, large)
}

describeInBrowser('人员 pages, searches and filters (H5, 1440 px and a phone)', () => {
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launch()])
    const admin = await signIn('admin', '管理员甲')
    const [chengguan, zhifa] = [await api('/api/admin/departments', admin.token, 'POST', { name: '城关市场监管所' }), await api('/api/admin/departments', admin.token, 'POST', { name: '执法大队' })]
    for (let i = 1; i <= OFFICERS; i++) {
      const officer = await signIn('officer', `干部${String(i).padStart(2, '0')}`)
      if (i % 3) await api(`/api/admin/people/${officer.user.id}`, admin.token, 'PUT', { departmentId: i % 3 === 1 ? chengguan.id : zhifa.id })
    }
    await signIn('staff', '王宣传')
    await signIn('reviewer', '赵科长')
    everyone = (await api('/api/admin/people?limit=100', admin.token)).people.length
    expect(everyone).toBeGreaterThan(OFFICERS + 2)
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('at the desk width: 加载更多 to the end, a search, a role chip, nothing found', async () => {
    const page = await desktopPage(browser)
    await page.setViewportSize({ width: 1440, height: 900 })
    await devLogin(page, server.baseUrl, '管理员', '管理员甲')
    await openPeople(page)
    await screenshot(page, 'admin-people-1440-first-page')
    expect(await sizeProblems(page, NORMAL_RULES)).toEqual([])

    await tap(page, '加载更多')
    await visibleText(page, `已显示 ${everyone} 人，没有更多了`).waitFor()
    expect(await page.locator('.admin-person').filter({ visible: true }).count()).toBe(everyone)
    await page.locator('.admin-more').filter({ visible: true }).scrollIntoViewIfNeeded()
    await screenshot(page, 'admin-people-1440-all-loaded')

    await page.locator('[aria-label="搜索人员"] input').filter({ visible: true }).fill('干部1')
    await tap(page, '搜索')
    await visibleText(page, '已显示 10 人，没有更多了').waitFor()
    await page.locator('[aria-label="按部门筛选"] .admin-chip').filter({ hasText: '城关市场监管所' }).click()
    // 干部10, 13, 16, 19 are in 城关所 (i % 3 === 1).
    await visibleText(page, '已显示 4 人，没有更多了').waitFor()
    await screenshot(page, 'admin-people-1440-search-and-department')

    await page.locator('[aria-label="按角色筛选"] .admin-chip').filter({ hasText: '审核人' }).click()
    await visibleText(page, '没有符合条件的人员').waitFor()
    await screenshot(page, 'admin-people-1440-nothing-found')
    await tap(page, '清除筛选')
    await visibleText(page, '已显示 50 人').waitFor()
  }, 240_000)

  it('on a phone, normal and 大字模式: every control a touch target, text at the mode’s size', async () => {
    const page = await phonePage(browser)
    await devLogin(page, server.baseUrl, '管理员', '管理员甲')
    await openPeople(page)
    await screenshot(page, 'admin-people-phone')
    expect(await sizeProblems(page, NORMAL_RULES)).toEqual([])
    await page.locator('.admin-more').filter({ visible: true }).scrollIntoViewIfNeeded()
    await screenshot(page, 'admin-people-phone-end')

    await setLarge(page, true)
    await openPeople(page)
    await page.locator('[aria-label="按角色筛选"] .admin-chip').filter({ hasText: '基层干部' }).click()
    await visibleText(page, '已显示 50 人').waitFor()
    await screenshot(page, 'admin-people-phone-large')
    expect(await sizeProblems(page, LARGE_RULES)).toEqual([])
    await setLarge(page, false)
  }, 240_000)
})
