import fs from 'node:fs'
import path from 'node:path'
import postcss, { type Declaration } from 'postcss'
import * as sass from 'sass'

// The admin rows' 修改 / 停用 / 启用 are NutUI size='small' buttons, which NutUI draws 28 px high.
// They reach 44 px (48 in 大字模式) only through the page's own button rule; the e2e measurements
// (test/e2e/elder-dark.test.ts) do not visit the admin area, and jsdom lays nothing out, so this
// holds the stylesheets to it: the page rule stands, and no admin stylesheet takes it back at
// any width (as the inbox's dense desk does for its own rows with `.desk .nut-button`).
const root = path.join(__dirname, '../..')
const variables = fs.readFileSync(path.join(root, 'src/styles/variables.scss'), 'utf8')
// As the build does (config/index.ts: sass.resource), the theme variables come first.
const compile = (file: string) =>
  postcss.parse(sass.compileString(`${variables}\n${fs.readFileSync(path.join(root, file), 'utf8')}`, { loadPaths: [path.dirname(path.join(root, file)), path.join(root, 'src')] }).css)

const TOUCH_PX = 44
const LARGE_TOUCH_PX = 48

const declsOf = (sheet: postcss.Root, selector: string) => {
  const out: Record<string, string> = {}
  sheet.walkRules((rule) => {
    if (rule.selectors.includes(selector)) rule.walkDecls((d) => void (out[d.prop] = d.value))
  })
  return out
}

describe('every button on the page is at least a touch target', () => {
  const shell = compile('src/components/page-shell.scss')

  test('.zb-page .nut-button: NutUI’s fixed height becomes a minimum of --zb-touch', () => {
    expect(declsOf(shell, '.zb-page .nut-button')).toMatchObject({ height: 'auto', 'min-height': `var(--zb-touch, ${TOUCH_PX}px)` })
  })

  test('--zb-touch is 44 px, 48 px in 大字模式', () => {
    expect(declsOf(shell, '.zb-page')['--zb-touch']).toBe(`${TOUCH_PX}px`)
    expect(declsOf(shell, '.zb-page--large')['--zb-touch']).toBe(`${LARGE_TOUCH_PX}px`)
  })
})

describe('the admin stylesheets never make a control smaller', () => {
  const sheets = ['src/admin/admin.scss', ...fs.readdirSync(path.join(root, 'src/admin/sections')).filter((f) => f.endsWith('.scss')).map((f) => `src/admin/sections/${f}`)]
  const SIZE_PROPS = /^(height|min-height|max-height|--zb-touch(-main)?|--nutui-button-[a-z-]*height)$/

  /** A length below the touch target, in px; a minimum switched off (`min-height: 0 | auto`) too. */
  const tooSmall = (d: Declaration) => {
    if (/^0(px)?$/.test(d.value)) return true
    if (d.prop === 'min-height' && /^(auto|unset|initial)$/.test(d.value)) return true
    const px = /^(\d+(?:\.\d+)?)px$/.exec(d.value)
    return px !== null && Number(px[1]) < TOUCH_PX
  }

  test.each(sheets)('%s', (file) => {
    const offenders: string[] = []
    compile(file).walkDecls((d) => {
      if (!SIZE_PROPS.test(d.prop) || !tooSmall(d)) return
      const rule = d.parent as postcss.Rule
      const media = rule.parent?.type === 'atrule' ? `@media ${(rule.parent as postcss.AtRule).params} ` : ''
      offenders.push(`${media}${rule.selector} { ${d.prop}: ${d.value} }`)
    })
    expect(offenders).toEqual([])
  })

  test('the check itself flags what the inbox does at the desk', () => {
    const dense = postcss.parse('@media (min-width: 1024px) { .desk .nut-button { min-height: 0 } .desk__filter { min-height: 32px } .x { height: 180px } }')
    const flagged: string[] = []
    dense.walkDecls((d) => void (SIZE_PROPS.test(d.prop) && tooSmall(d) && flagged.push((d.parent as postcss.Rule).selector)))
    expect(flagged).toEqual(['.desk .nut-button', '.desk__filter'])
  })
})
