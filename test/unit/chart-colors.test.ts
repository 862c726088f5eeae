import fs from 'node:fs'
import path from 'node:path'
import { CHART_COLORS, CHART_COLOR_SOURCES } from '../../src/styles/chart-colors'

// The canvas charts' colours are copies of variables.scss's theme tables: they must stay equal,
// and the bars must stand out from the card (3:1, WCAG 1.4.11) and the labels read (4.5:1).
const scss = fs.readFileSync(path.resolve(__dirname, '../../src/styles/variables.scss'), 'utf8')
function table(name: 'light' | 'dark'): Record<string, string> {
  const body = new RegExp(`\\$zb-theme-${name}:\\s*\\(([\\s\\S]*?)\\n\\);`).exec(scss)![1]!
  return Object.fromEntries(
    body
      .split('\n')
      .map((l) => /^\s*([\w-]+):\s*(#[0-9a-f]{6})/i.exec(l.replace(/\/\/.*$/, '')))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!.toLowerCase()])
  )
}
const lum = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((s) => (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

describe.each(['light', 'dark'] as const)('the %s chart palette', (theme) => {
  const vars = table(theme)
  const palette = CHART_COLORS[theme]
  test('equals the theme table', () => {
    expect(palette.text).toBe(vars[CHART_COLOR_SOURCES.text])
    expect(palette.textSecondary).toBe(vars[CHART_COLOR_SOURCES.textSecondary])
    expect(palette.border).toBe(vars[CHART_COLOR_SOURCES.border])
    expect(palette.surface).toBe(vars[CHART_COLOR_SOURCES.surface])
    expect(palette.series).toEqual(CHART_COLOR_SOURCES.series.map((k) => vars[k]))
  })
  test('labels read at 4.5:1 and bars stand out at 3:1 on the card', () => {
    expect(contrast(palette.text, palette.surface)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(palette.textSecondary, palette.surface)).toBeGreaterThanOrEqual(4.5)
    for (const c of palette.series) expect(contrast(c, palette.surface)).toBeGreaterThanOrEqual(3)
  })
})
