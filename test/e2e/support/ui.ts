import type { Page } from 'playwright-core'
import { pageSettled, screenshot } from './browser'

/** Taro's H5 inputs wrap a native element; fill the native one the person would type into. */
export async function type(page: Page, placeholder: string, text: string) {
  const field = page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).filter({ visible: true })
  await field.click()
  await field.fill(text)
}

/** Taro H5 keeps earlier pages of the stack in the DOM, hidden: look only at what is shown. */
export const visibleText = (page: Page, text: string, exact = false) => page.locator('#app').getByText(text, { exact }).filter({ visible: true })
// NutUI buttons wrap their label; the label is what a person aims at, the button takes the tap.
export async function tap(page: Page, text: string) {
  try {
    // A tap while a new page is still sliding in lands outside the viewport.
    await pageSettled(page)
    await visibleText(page, text, true).first().click({ force: true, timeout: 15_000 })
  } catch (err) {
    // Leave the screen that was showing, to see why the text was not there.
    await screenshot(page, `failed-tap-${text}`)
    throw err
  }
}

export async function devLogin(page: Page, baseUrl: string, role: string, name: string) {
  await page.goto(`${baseUrl}/#/pages/login/index`)
  await visibleText(page, '开发模式登录').waitFor()
  await tap(page, role)
  await type(page, '请输入姓名', name)
  await tap(page, '登录')
  // Signed in once the app has left the login page and the landing page has settled: a tap
  // while Taro's router is still finishing the reLaunch can be lost on a busy machine.
  await page.waitForURL((url) => !url.hash.includes('/pages/login/'), { timeout: 60_000 })
  await pageSettled(page)
  await page.waitForFunction(() => document.querySelectorAll('.taro_router > .taro_page').length === 1)
}
