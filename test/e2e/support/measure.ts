import type { Page } from 'playwright-core'

/**
 * What a screen must hold to, in CSS px of the H5 page (design px × root/20, so 1.04 at 390 px).
 *
 * Sources: WeChat's 小程序适老化设计指南 (developers.weixin.qq.com/miniprogram/design/elderly.html)
 * asks pages to follow the user's font size (fontSizeSetting: 17 px standard, 23.8 px in 关怀模式)
 * without breaking the layout; MIIT's 《移动互联网应用（App）适老化通用设计规范》 (2021) sets the
 * numbers: 适老版 main text ≥ 18 dp, a main control's tap area ≥ 60 × 60 dp there and ≥ 44 × 44 dp
 * everywhere else, text contrast ≥ 4.5:1. We hold every control to 48 px in 大字模式 and the
 * page's primary block buttons (its main actions) to 60 px.
 */
export interface SizeRules {
  /** Smallest text anywhere. */
  minText: number
  /** Smallest text a person types or taps: fields, placeholders, buttons, chips. */
  minControlText: number
  /** Smallest height (and width) of a control. */
  minControl: number
  /** Smallest height of a block (full-width) button. */
  minMainButton: number
}

export const NORMAL_RULES: SizeRules = { minText: 12, minControlText: 13, minControl: 44, minMainButton: 44 }
export const LARGE_RULES: SizeRules = { minText: 16, minControlText: 18, minControl: 48, minMainButton: 60 }

/**
 * Measures every text and control on the page that is shown (Taro H5 keeps earlier pages of the
 * stack in the DOM, hidden) and returns what breaks the rules, one line each; empty when all hold.
 */
export async function sizeProblems(page: Page, rules: SizeRules): Promise<string[]> {
  return page.evaluate((r) => {
    const problems: string[] = []
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_router > .taro_page')).filter((p) => getComputedStyle(p).display !== 'none')
    const roots = shown.length ? shown : [document.body]
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0
    }
    const name = (el: Element) => {
      const text = (el as HTMLElement).innerText?.trim().replace(/\s+/g, ' ').slice(0, 24) || (el as HTMLInputElement).placeholder || ''
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).filter(Boolean).slice(0, 2).join('.') : ''
      return `<${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}> "${text}"`
    }
    const px = (v: string) => parseFloat(v) || 0
    const canvas = document.createElement('canvas').getContext('2d')!
    const textWidth = (text: string, style: CSSStyleDeclaration) => {
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      return canvas.measureText(text).width
    }
    const CONTROL = 'button, .nut-button, input, textarea, .zb-chip, .nut-switch, [role="button"], [role="switch"]'

    for (const root of roots) {
      // Every text: the element that holds a text node of its own.
      for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
        if (!visible(el)) continue
        const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')
        if (!ownText) continue
        const size = px(getComputedStyle(el).fontSize)
        const inControl = el.closest(CONTROL) !== null
        const min = inControl ? r.minControlText : r.minText
        if (size + 0.01 < min) problems.push(`text ${size.toFixed(1)} px < ${min}: ${name(el)}`)
      }
      // Every control: big enough to tap, and what it says fits.
      for (const el of Array.from(root.querySelectorAll<HTMLElement>(CONTROL))) {
        if (!visible(el)) continue
        // A native field inside Taro's wrapper is measured as the wrapper (what the finger sees).
        const target = el.matches('input, textarea') && el.parentElement?.matches('taro-input-core, taro-textarea-core') ? el.parentElement : el
        const box = target.getBoundingClientRect()
        const style = getComputedStyle(el)
        const block = el.matches('.nut-button-primary.nut-button-block')
        const minHeight = block ? r.minMainButton : r.minControl
        if (box.height + 0.5 < minHeight) problems.push(`control ${box.height.toFixed(1)} px high < ${minHeight}: ${name(el)}`)
        if (box.width + 0.5 < r.minControl) problems.push(`control ${box.width.toFixed(1)} px wide < ${r.minControl}: ${name(el)}`)
        if (el.matches('input, textarea')) {
          const field = el as HTMLInputElement | HTMLTextAreaElement
          const size = px(style.fontSize)
          if (size + 0.01 < r.minControlText) problems.push(`field text ${size.toFixed(1)} px < ${r.minControlText}: ${name(el)}`)
          const placeholderStyle = getComputedStyle(el, '::placeholder')
          const phSize = px(placeholderStyle.fontSize) || size
          if (field.placeholder && phSize + 0.01 < r.minControlText) problems.push(`placeholder ${phSize.toFixed(1)} px < ${r.minControlText}: ${name(el)}`)
          const inner = field.clientWidth - px(style.paddingLeft) - px(style.paddingRight)
          if (field.placeholder && !field.value) {
            const width = textWidth(field.placeholder, style)
            if (el.tagName === 'INPUT') {
              if (width > inner + 1) problems.push(`placeholder cut off (${width.toFixed(0)} px in ${inner.toFixed(0)} px): ${name(el)}`)
            } else {
              const lineHeight = px(style.lineHeight) || size * 1.2
              const lines = Math.ceil(width / Math.max(inner, 1))
              const room = field.clientHeight - px(style.paddingTop) - px(style.paddingBottom)
              if (lines * lineHeight > room + 1) problems.push(`placeholder cut off (${lines} lines of ${lineHeight.toFixed(0)} px in ${room.toFixed(0)} px): ${name(el)}`)
            }
          }
          if (el.tagName === 'INPUT') {
            const lineHeight = px(style.lineHeight) || size * 1.2
            const room = field.clientHeight
            if (room + 1 < Math.min(lineHeight, size * 1.2)) problems.push(`field text cut vertically (${room.toFixed(0)} px for ${size.toFixed(0)} px text): ${name(el)}`)
          }
        } else {
          if (el.scrollWidth > el.clientWidth + 1) problems.push(`text overflows its control (${el.scrollWidth} > ${el.clientWidth} px wide): ${name(el)}`)
          if (el.scrollHeight > el.clientHeight + 1) problems.push(`text overflows its control (${el.scrollHeight} > ${el.clientHeight} px high): ${name(el)}`)
        }
      }
      // Nothing drawn over a control it is not part of (the desk bar's name once ran under the bell).
      const controls = Array.from(root.querySelectorAll<HTMLElement>(CONTROL)).filter(visible)
      for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
        if (!visible(el) || el.closest(CONTROL)) continue
        const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')
        if (!ownText) continue
        const range = document.createRange()
        range.selectNodeContents(el)
        const text = range.getBoundingClientRect()
        for (const c of controls) {
          if (c.contains(el) || el.contains(c)) continue
          const b = c.getBoundingClientRect()
          const w = Math.min(text.right, b.right) - Math.max(text.left, b.left)
          const h = Math.min(text.bottom, b.bottom) - Math.max(text.top, b.top)
          if (w > 2 && h > 2) problems.push(`text runs into a control: ${name(el)} under ${name(c)}`)
        }
      }
    }
    return [...new Set(problems)]
  }, rules)
}

/** The computed size of the page's body text, for the report that large mode changed anything. */
export async function bodyTextPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_router > .taro_page .zb-page')).find((p) => p.offsetParent !== null)
    return parseFloat(getComputedStyle(shown ?? document.body).fontSize)
  })
}

/**
 * Every shown text against the background it is drawn on (the nearest ancestor with an opaque
 * background colour), by WCAG 2.x: below 4.5:1 is a problem. Run in each colour scheme.
 */
export async function contrastProblems(page: Page, minRatio = 4.5): Promise<string[]> {
  return page.evaluate((min) => {
    const problems: string[] = []
    const parse = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c)
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null
    }
    const channel = (v: number) => {
      const s = v / 255
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    }
    const lum = ([r, g, b]: number[]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    const backgroundOf = (el: Element | null): number[] => {
      // Semi-transparent layers are blended over what is below them.
      const layers: number[][] = []
      for (let e = el; e; e = e.parentElement) {
        const style = getComputedStyle(e)
        // NutUI paints its primary button as a gradient between two stops (both our primary).
        const gradient = /gradient\(/.test(style.backgroundImage) ? parse(style.backgroundImage) : null
        const bg = gradient ?? parse(style.backgroundColor)
        if (bg && bg[3] > 0) {
          layers.push(bg)
          if (bg[3] >= 1) break
        }
      }
      let base = [255, 255, 255]
      for (const [r, g, b, a] of layers.reverse()) base = [r * a + base[0] * (1 - a), g * a + base[1] * (1 - a), b * a + base[2] * (1 - a)]
      return base
    }
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_router > .taro_page')).filter((p) => getComputedStyle(p).display !== 'none')
    for (const root of shown.length ? shown : [document.body]) {
      for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
        const box = el.getBoundingClientRect()
        if (box.width === 0 || box.height === 0) continue
        const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')
        if (!ownText) continue
        const style = getComputedStyle(el)
        if (style.visibility === 'hidden') continue
        const fg = parse(style.color)
        if (!fg) continue
        const bg = backgroundOf(el)
        const color = [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3]))
        const [hi, lo] = [lum(color), lum(bg)].sort((a, b) => b - a)
        const ratio = (hi + 0.05) / (lo + 0.05)
        // A disabled control is exempt (WCAG 1.4.3), as NutUI draws it faded on purpose.
        if (el.closest('.nut-button-disabled, [disabled]')) continue
        if (ratio + 0.005 < min) problems.push(`contrast ${ratio.toFixed(2)}:1 < ${min} (${style.color} on rgb(${bg.map(Math.round).join(', ')})): "${el.innerText.trim().slice(0, 24)}"`)
      }
    }
    return [...new Set(problems)]
  }, minRatio)
}
