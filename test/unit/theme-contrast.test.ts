import fs from 'node:fs'
import path from 'node:path'
import { CASE_STATUSES, MESSAGE_STATUSES } from '../../domain'
import { STATUS_TONES, statusTone } from '../../src/components/status-tones'

// Text contrast in both themes, read from the one colour table (src/styles/variables.scss:
// $zb-theme-light and $zb-theme-dark), for every pair of text and background the app draws.
// WCAG 2.x relative luminance and contrast ratio, written out here rather than imported, so the
// test does not share code with what it checks.
const root = path.resolve(__dirname, '../..')
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')

function channel(c: number): number {
  const s = c / 255
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
}
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`)
  const [r, g, b] = m.slice(1).map((h) => channel(parseInt(h, 16)))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

type Theme = Record<string, string>
/** One `$zb-theme-<name>: ( key: value, … );` map of variables.scss, comments left out. */
function themeTable(name: 'light' | 'dark'): Theme {
  const scss = read('src/styles/variables.scss')
  const body = new RegExp(`\\$zb-theme-${name}:\\s*\\(([\\s\\S]*?)\\n\\);`).exec(scss)?.[1]
  if (!body) throw new Error(`no $zb-theme-${name} in variables.scss`)
  const entries = body
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').trim())
    .filter(Boolean)
    .map((line) => /^([\w-]+):\s*(.+?),?$/.exec(line))
  return Object.fromEntries(entries.map((m) => [m![1], m![2]]))
}
const THEMES = { light: themeTable('light'), dark: themeTable('dark') }
const themes = Object.entries(THEMES) as [string, Theme][]

test('the formula matches WCAG’s known values', () => {
  expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5)
  // The faults the issue measured: white on NutUI's warning yellow and success green.
  expect(contrast('#ffffff', '#ffbf00')).toBeCloseTo(1.65, 2)
  expect(contrast('#ffffff', '#4fc08d')).toBeLessThan(2.5)
})

test('both themes name the same colours, each a #rrggbb (or the mask, an rgba)', () => {
  expect(Object.keys(THEMES.dark).sort()).toEqual(Object.keys(THEMES.light).sort())
  for (const [, theme] of themes) {
    for (const [key, value] of Object.entries(theme)) {
      if (key === 'mask') expect(value).toMatch(/^rgba\(/)
      else expect(value).toMatch(/^#[0-9a-f]{6}$/i)
    }
  }
  // The light table really is the light one, and dark the dark one.
  expect(luminance(THEMES.light.bg)).toBeGreaterThan(0.8)
  expect(luminance(THEMES.dark.bg)).toBeLessThan(0.02)
})

// What is drawn on what: [text, background]. Backgrounds: the page, a card, the tints behind quotes
// and notes, and the filled buttons and chips.
const TEXT_PAIRS: [string, string][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text-secondary', 'bg'],
  ['text-secondary', 'surface'],
  ['text-secondary', 'tint-primary'],
  ['text', 'tint-primary'],
  ['text', 'tint-danger'],
  ['text', 'tint-warning'],
  ['primary', 'surface'],
  ['primary', 'bg'],
  ['primary', 'tint-primary'],
  ['danger', 'surface'],
  ['danger', 'bg'],
  ['danger', 'tint-danger'],
  ['on-primary', 'primary'],
  ['on-danger', 'danger'],
  ['on-bar', 'bar'],
  ['warning', 'tint-warning'],
  ['warning', 'surface'],
  ['success', 'surface'],
  ['success', 'tint-primary']
]

describe.each(themes)('the %s theme', (_name, theme) => {
  test.each(TEXT_PAIRS)('%s text on %s holds 4.5:1', (fg, bg) => {
    expect(contrast(theme[fg], theme[bg])).toBeGreaterThanOrEqual(4.5)
  })

  test('a field’s and a default button’s outline holds 3:1 against the card and the page (WCAG 1.4.11)', () => {
    expect(contrast(theme['border-strong'], theme.surface)).toBeGreaterThanOrEqual(3)
    expect(contrast(theme['border-strong'], theme.bg)).toBeGreaterThanOrEqual(3)
  })

  const every = [
    ...MESSAGE_STATUSES.map((s) => ({ kind: 'message' as const, status: s })),
    ...CASE_STATUSES.map((s) => ({ kind: 'case' as const, status: s }))
  ]
  test.each(every)('the $kind status $status is drawn at 4.5:1 or better', ({ kind, status }) => {
    const tone = statusTone(status, kind)
    expect(contrast(theme[`tone-${tone}`], theme[`tone-${tone}-bg`])).toBeGreaterThanOrEqual(4.5)
  })

  test.each(STATUS_TONES)('the %s tone’s text also reads on a card (a border, not the tint, marks its edge)', (tone) => {
    expect(contrast(theme[`tone-${tone}`], theme.surface)).toBeGreaterThanOrEqual(4.5)
  })
})

test('every tone the tags draw has its colours in the table, and the tag takes them from there', () => {
  const tagCss = read('src/components/status-tag.scss')
  expect(tagCss).toMatch(/@each \$tone in \(ours, waiting, done, closed\)/)
  expect([...STATUS_TONES]).toEqual(['ours', 'waiting', 'done', 'closed'])
  for (const tone of STATUS_TONES) for (const part of ['', '-bg', '-border']) expect(THEMES.light[`tone-${tone}${part}`]).toBeDefined()
  // No inline colours: an inline style would win over the dark theme.
  expect(read('src/components/status-tag.tsx')).not.toMatch(/style=/)
})

test('the dark table is switched on by prefers-color-scheme, on the page root of both platforms', () => {
  const app = read('src/app.scss')
  expect(app).toMatch(/page,\s*body\s*\{\s*@include zb-theme-properties\(\$zb-theme-light\)/)
  expect(app).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{\s*page,\s*body\s*\{\s*@include zb-theme-properties\(\$zb-theme-dark\)/)
})

test('no stylesheet writes a colour of its own: each comes from the table (photo overlays excepted)', () => {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (p.endsWith('.scss') && p !== path.join('src', 'styles', 'variables.scss')) files.push(p)
    }
  }
  walk('src')
  // Allowed: text over a photo (white on a dark veil in either theme: the officers' and citizens' photo tiles), shadows and translucent
  // black or white lines (they darken or lighten whatever is below), a banner's amber border, and
  // the printed approval sheet (稿件审批表), black on white paper whatever the screen's theme.
  const allowed = (at: string, line: string) =>
    /case-form\.scss|message-new[\\/]index\.scss:\d+: color: #fff/.test(`${at}: ${line}`) || at.includes(path.join('editorial', 'pages', 'sheet')) || /rgba\((0, 0, 0|255, 255, 255), 0?\.\d+\)/.test(line) || /border: 1px solid #e0a800/.test(line)
  const found = files.flatMap((f) =>
    read(f)
      .split('\n')
      .map((line, i) => ({ line: line.replace(/\/\/.*$/, '').trim(), at: `${f}:${i + 1}` }))
      .filter(({ line, at }) => /#[0-9a-f]{3,8}\b|rgba?\(|:\s*(white|black)\s*;/i.test(line) && !allowed(at, line))
      .map(({ at, line }) => `${at}: ${line}`)
  )
  expect(found).toEqual([])
})

test('NutUI buttons are drawn in the theme’s primary and danger colours, with the theme’s text on them', () => {
  const shell = read('src/components/page-shell.scss')
  for (const [nutui, ours] of [
    ['--nutui-color-primary', 'zb-primary'],
    ['--nutui-color-primary-stop-1', 'zb-primary'],
    ['--nutui-color-primary-stop-2', 'zb-primary'],
    ['--nutui-button-primary-color', 'zb-on-primary'],
    ['--nutui-color-danger', 'zb-danger']
  ]) {
    // The theme must set NutUI's variable (its defaults, e.g. #ff0f23, fall short) to our colour.
    expect(shell).toContain(`${nutui}: #{$${ours}};`)
  }
  expect(contrast('#ffffff', '#ff0f23')).toBeLessThan(4.5)
})

test('the tag’s text size is at least 12 px, in normal and in 大字模式', () => {
  const tagCss = read('src/components/status-tag.scss')
  const size = /font-size:\s*var\((--[\w-]+)\)/.exec(tagCss)?.[1]
  expect(size).toBeDefined()
  const shell = read('src/components/page-shell.scss')
  const values = [...shell.matchAll(new RegExp(`${size}:\\s*(\\d+)px`, 'g'))].map((m) => Number(m[1]))
  // Once for the normal page and once for .zb-page--large.
  expect(values).toHaveLength(2)
  for (const px of values) expect(px).toBeGreaterThanOrEqual(12)
})
