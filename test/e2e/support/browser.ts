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

/** Waits until every shown page has finished sliding in (Taro's router marks it stationed). */
export async function pageSettled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.taro_router > .taro_page'))
      .filter((p) => getComputedStyle(p).display !== 'none')
      .every((p) => p.classList.contains('taro_page_stationed'))
  )
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  await pageSettled(page).catch(() => undefined)
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true })
}
