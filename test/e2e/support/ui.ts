import type { Locator, Page } from 'playwright-core'
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
    const target = visibleText(page, text, true).first()
    await target.waitFor({ timeout: 15_000 })
    // A forced click lands where the label was measured: if something above it is still growing
    // (a badge filling in), the tap hits its neighbour. Wait until the label holds still.
    await heldStill(page, target)
    await target.click({ force: true, timeout: 15_000 })
  } catch (err) {
    // Leave the screen that was showing, to see why the text was not there.
    await screenshot(page, `failed-tap-${text}`)
    throw err
  }
}

/** Until the element's box is the same over two animation frames (at most ~100 tries). */
async function heldStill(page: Page, target: Locator) {
  let before = await target.boundingBox()
  for (let i = 0; i < 100; i++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    const now = await target.boundingBox()
    if (before && now && before.x === now.x && before.y === now.y && before.width === now.width && before.height === now.height) return
    before = now
  }
}

// Each opening its own document (a query of its own): a goto that changes only the hash is a
// same-document navigation, and Taro's H5 router does not always follow one that arrives while a
// page of its own (the desk's first page, which also adds a history entry for Back) is settling.
let loads = 0

/** Opens a page of the app by its route (`/staff/pages/item/index?id=…`) as a fresh load, as a link or bookmark would. */
export async function openRoute(page: Page, baseUrl: string, route: string) {
  await page.goto(`${baseUrl}/?load=${++loads}#${route}`)
  const path = route.split('?')[0]
  await page.waitForFunction((want) => window.location.hash.startsWith(`#${want}`) && document.querySelectorAll('.taro_router > .taro_page').length >= 1, path)
  await pageSettled(page)
}

/** A query parameter of the app's own route (the part after `#`), e.g. the id of the page shown. */
export function routeParam(page: Page, name: string): string | null {
  const hash = new URL(page.url()).hash
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : ''
  return new URLSearchParams(query).get(name)
}

export async function devLogin(page: Page, baseUrl: string, role: string, name: string) {
  await openRoute(page, baseUrl, '/pages/login/index')
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

/** Picks a file through the control labelled `label` (Taro H5's chooseMedia opens a file input). */
export async function attachFile(page: Page, label: string, file: string | string[] | { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser')
  await tap(page, label)
  await (await chooser).setFiles(file)
}

/**
 * On the open message form, after the category and text: a complaint's phone and business (and
 * the place), one photo compressed and uploaded, and consent to 选登.
 */
export async function fillComplaint(page: Page, f: { phone: string; business: string; place?: string; photo: string }) {
  await type(page, '11 位手机号', f.phone)
  await type(page, '商家名称，如营业执照或店招上的名称', f.business)
  if (f.place) await type(page, '如：城关镇人民路 12 号', f.place)
  await attachFile(page, '拍照/相册', f.photo)
  // Compressed and uploaded: the bar goes and the photo can be removed.
  await page.locator('.message-new__photo-remove').filter({ visible: true }).waitFor({ timeout: 60_000 })
  await tap(page, '同意选登')
}
