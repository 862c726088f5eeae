import fs from 'node:fs'
import path from 'node:path'
import { CASE_STATUSES, MESSAGE_STATUSES } from '../../domain'
import { STATUS_TONES, STATUS_TONE_COLORS, statusTone } from '../../src/components/status-tones'

// WCAG 2.x relative luminance and contrast ratio, written out here rather than imported, so the
// test does not share code with what it checks.
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

test('the formula matches WCAG’s known values', () => {
  expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5)
  // The faults the issue measured: white on NutUI's warning yellow and success green.
  expect(contrast('#ffffff', '#ffbf00')).toBeCloseTo(1.65, 2)
  expect(contrast('#ffffff', '#4fc08d')).toBeLessThan(2.5)
})

const every = [
  ...MESSAGE_STATUSES.map((s) => ({ kind: 'message' as const, status: s })),
  ...CASE_STATUSES.map((s) => ({ kind: 'case' as const, status: s }))
]

test.each(every)('the $kind status $status is drawn at 4.5:1 or better', ({ kind, status }) => {
  const { color, background } = STATUS_TONE_COLORS[statusTone(status, kind)]
  expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5)
})

test.each(STATUS_TONES)('the %s tone’s text also reads on a white card (a border, not the tint, marks its edge)', (tone) => {
  expect(contrast(STATUS_TONE_COLORS[tone].color, '#ffffff')).toBeGreaterThanOrEqual(4.5)
})

test('the tag’s text size is at least 12 px, in normal and in 大字模式', () => {
  const root = path.resolve(__dirname, '../..')
  const tagCss = fs.readFileSync(path.join(root, 'src/components/status-tag.scss'), 'utf8')
  const size = /font-size:\s*var\((--[\w-]+)\)/.exec(tagCss)?.[1]
  expect(size).toBeDefined()
  const shell = fs.readFileSync(path.join(root, 'src/components/page-shell.scss'), 'utf8')
  const values = [...shell.matchAll(new RegExp(`${size}:\\s*(\\d+)px`, 'g'))].map((m) => Number(m[1]))
  // Once for the normal page and once for .zb-page--large.
  expect(values).toHaveLength(2)
  for (const px of values) expect(px).toBeGreaterThanOrEqual(12)
})

test('NutUI buttons drawn in the theme’s primary and danger colours hold 4.5:1 under their white text', () => {
  const root = path.resolve(__dirname, '../..')
  const vars = fs.readFileSync(path.join(root, 'src/styles/variables.scss'), 'utf8')
  const scss = (name: string) => /#[0-9a-f]{6}/i.exec(new RegExp(`\\$${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(vars)?.[1] ?? '')?.[0]
  const shell = fs.readFileSync(path.join(root, 'src/components/page-shell.scss'), 'utf8')
  for (const [nutui, ours] of [
    ['--nutui-color-primary', 'zb-primary'],
    ['--nutui-color-danger', 'zb-danger']
  ]) {
    // The theme must set NutUI's variable (its defaults, e.g. #ff0f23, fall short) to our colour.
    expect(shell).toContain(`${nutui}: #{$${ours}};`)
    const hex = scss(ours)
    expect(hex).toBeDefined()
    expect(contrast('#ffffff', hex!)).toBeGreaterThanOrEqual(4.5)
  }
  expect(contrast('#ffffff', '#ff0f23')).toBeLessThan(4.5)
})
