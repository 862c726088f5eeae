import type { Browser, Page } from 'playwright-core'
import { describeInBrowser, desktopPage, launch, pageSettled, phonePage, screenshot } from './support/browser'
import { type, visibleText, tap, devLogin, openRoute } from './support/ui'
import { startServer, type RunningServer } from './support/server'
import { LARGE_RULES, NORMAL_RULES, bodyTextPx, contrastProblems, sizeProblems } from './support/measure'

// 大字模式 and dark mode on every screen a citizen, an officer and the staff see on a phone (390 px),
// and the desk at 1440 px in dark mode: sizes (support/measure.ts says which rules and why),
// contrast as drawn, and a screenshot of each under test-results/elder-dark-*.png.

let server: RunningServer
let browser: Browser

interface Screen {
  name: string
  /** Opens the screen and waits until its content is there. */
  open: (page: Page) => Promise<void>
}

const route = (path: string, ready: string): Screen['open'] => async (page) => {
  await openRoute(page, server.baseUrl, path)
  await visibleText(page, ready).first().waitFor({ timeout: 30_000 })
}

async function setLarge(page: Page, large: boolean) {
  await route('/pages/index/index', '大字模式')(page)
  const toggle = page.locator('.home__setting .nut-switch').filter({ visible: true })
  if ((await toggle.getAttribute('aria-checked')) !== String(large)) await toggle.click()
  await page.waitForFunction((want) => document.querySelector('.zb-page--large') !== null === want, large)
}

/** Every screen in the normal size (light and dark), then again in 大字模式. Failures gathered, reported together. */
async function checkScreens(page: Page, who: string, screens: Screen[]): Promise<string[]> {
  const problems: string[] = []
  const note = (mode: string, name: string, found: string[]) => problems.push(...found.map((p) => `[${who} ${name} ${mode}] ${p}`))
  for (const screen of screens) {
    await screen.open(page)
    note('normal', screen.name, await sizeProblems(page, NORMAL_RULES))
    note('light', screen.name, await contrastProblems(page))
    await screenshot(page, `elder-dark-${who}-${screen.name}-normal`)
    await page.emulateMedia({ colorScheme: 'dark' })
    note('dark', screen.name, await contrastProblems(page))
    await screenshot(page, `elder-dark-${who}-${screen.name}-dark`)
    await page.emulateMedia({ colorScheme: 'light' })
  }
  await setLarge(page, true)
  for (const screen of screens) {
    await screen.open(page)
    expect(await bodyTextPx(page)).toBeGreaterThanOrEqual(18)
    note('large', screen.name, await sizeProblems(page, LARGE_RULES))
    await screenshot(page, `elder-dark-${who}-${screen.name}-large`)
  }
  await setLarge(page, false)
  return problems
}

describeInBrowser('大字模式 and dark mode: every text and control measured on a phone, the desk in dark mode (H5)', () => {
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launch()])
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('citizen: login, home, message form, submitted, my messages', async () => {
    const citizen = await phonePage(browser)
    await openRoute(citizen, server.baseUrl, `/pages/login/index`)
    await visibleText(citizen, '开发模式登录').waitFor()
    const login: string[] = [...(await sizeProblems(citizen, NORMAL_RULES)), ...(await contrastProblems(citizen))]
    await screenshot(citizen, 'elder-dark-citizen-login-normal')
    await citizen.emulateMedia({ colorScheme: 'dark' })
    login.push(...(await contrastProblems(citizen)).map((p) => `dark: ${p}`))
    await screenshot(citizen, 'elder-dark-citizen-login-dark')
    await citizen.emulateMedia({ colorScheme: 'light' })

    await devLogin(citizen, server.baseUrl, '群众', '张三')
    // One message, so 我的留言 has a card with a status tag and a timeline.
    await route('/citizen/pages/message-new/index', '留言内容')(citizen)
    await tap(citizen, '投诉')
    await type(citizen, '请写明事情经过、时间、地点等，便于我们办理', '南街菜市场有摊位用不合格的秤，缺斤短两，希望尽快查处。')
    // A complaint names the business and leaves a phone (the category's rules).
    await type(citizen, '商家名称，如营业执照或店招上的名称', '南街菜市场 12 号摊位')
    await type(citizen, '11 位手机号', '13800138000')
    await tap(citizen, '提交留言')
    await visibleText(citizen, '提交成功').first().waitFor()
    await screenshot(citizen, 'elder-dark-citizen-submitted-normal')
    login.push(...(await sizeProblems(citizen, NORMAL_RULES)).map((p) => `submitted: ${p}`))

    const problems = await checkScreens(citizen, 'citizen', [
      { name: 'home', open: route('/pages/index/index', '我要留言') },
      { name: 'login', open: route('/pages/login/index', '开发模式登录') },
      { name: 'message-new', open: route('/citizen/pages/message-new/index', '留言内容') },
      { name: 'my-messages', open: route('/citizen/pages/my-messages/index', '缺斤短两') }
    ])
    expect([...login, ...problems]).toEqual([])
  }, 240_000)

  it('officer: home, case form, my cases', async () => {
    const officer = await phonePage(browser)
    await devLogin(officer, server.baseUrl, '基层干部', '李干部')
    const problems = await checkScreens(officer, 'officer', [
      { name: 'home', open: route('/pages/index/index', '报送事例') },
      { name: 'case-new', open: route('/officer/pages/case-new/index', '事例内容') },
      { name: 'my-cases', open: route('/officer/pages/my-cases/index', '您还没有报送事例') }
    ])
    expect(problems).toEqual([])
  }, 240_000)

  it('staff on a phone: inbox and item; the desk at 1440 px in dark mode', async () => {
    const staff = await phonePage(browser)
    await devLogin(staff, server.baseUrl, '宣传人员', '王宣传')
    const openItem: Screen['open'] = async (page) => {
      await route('/staff/pages/inbox/index', '缺斤短两')(page)
      await visibleText(page, '缺斤短两').first().click()
      await visibleText(page, '办理记录').first().waitFor()
      await pageSettled(page)
    }
    const problems = await checkScreens(staff, 'staff', [
      { name: 'inbox', open: route('/staff/pages/inbox/index', '缺斤短两') },
      { name: 'item', open: openItem }
    ])

    const desk = await desktopPage(browser)
    await desk.setViewportSize({ width: 1440, height: 900 })
    await devLogin(desk, server.baseUrl, '宣传人员', '王宣传')
    await visibleText(desk, '缺斤短两').first().waitFor()
    await visibleText(desk, '缺斤短两').first().click()
    await visibleText(desk, '办理记录').first().waitFor()
    await desk.emulateMedia({ colorScheme: 'dark' })
    problems.push(...(await contrastProblems(desk)).map((p) => `[desk 1440 dark] ${p}`))
    await screenshot(desk, 'elder-dark-desk-1440-dark')
    await desk.emulateMedia({ colorScheme: 'light' })
    await screenshot(desk, 'elder-dark-desk-1440-light')
    expect(problems).toEqual([])
  }, 240_000)
})
