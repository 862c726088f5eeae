import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { guardedContext } from './policy'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = fs.existsSync(CHROMIUM)
export const RESULTS_DIR = path.resolve(__dirname, '../../../test-results')

/**
 * Outside CI a machine without Chromium skips the browser tests, loudly; in CI
 * (CI=true) that is a failure, since .ci/run installs it.
 */
export function describeInBrowser(name: string, fn: () => void): void {
  if (hasChromium) return describe(name, fn)
  if (process.env.CI === 'true') {
    describe(name, () => it('needs Chromium', () => {
      throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium package`)
    }))
    return
  }
  process.stderr.write(`\n*** SKIPPING end-to-end tests "${name}": no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk) ***\n\n`)
  describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM})`, fn)
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // What this sandbox needs: no GPU, no sandbox as root, and no background calls home.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}

/** A phone-sized page (iPhone 12/13: 390×844 CSS px at 3×), Chinese locale. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await guardedContext(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', isMobile: true, hasTouch: true })
  return context.newPage()
}

export async function desktopPage(browser: Browser): Promise<Page> {
  const context = await guardedContext(browser, { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  return context.newPage()
}

/**
 * Waits until Taro's router has caught up with the address (the page shown is the one the hash
 * names) and every shown page has finished sliding in (the router marks it stationed).
 *
 * The router's renders are not serialised: a sign-in's reLaunch changes the address at once but
 * mounts the landing page only after its chunk has loaded, and a navigation started in between
 * (a goto, a tap) can finish first and then be overwritten by the late landing page — the desk
 * shown under another page's address. So "the address changed" is never enough to go on.
 */
export async function pageSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll('.taro_router > .taro_page')).filter((p) => getComputedStyle(p).display !== 'none')
    const route = window.location.hash.replace(/^#/, '').split('?')[0]
    const top = shown[shown.length - 1]
    const caughtUp = route === '' || route === '/' || (top !== undefined && top.id.split('?')[0] === route)
    return caughtUp && shown.every((p) => p.classList.contains('taro_page_stationed'))
  })
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  await pageSettled(page).catch(() => undefined)
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true })
}
