/**
 * @jest-environment node
 */
// Dark mode in the built mini-program (WeChat's DarkMode 适配指南): app.json turns it on and points
// at theme.json, which must be in the build beside it, define every @variable app.json uses for
// both themes, and agree with the stylesheet's colour tables; the stylesheet carries the dark
// table under prefers-color-scheme.
import fs from 'node:fs'
import path from 'node:path'
import { DIST } from './support/harness'

const appJson = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as {
  darkmode?: boolean
  themeLocation?: string
  window: Record<string, string>
}
type ThemeJson = Record<'light' | 'dark', Record<string, string>>

test('app.json turns dark mode on and its theme.json is in the build', () => {
  expect(appJson.darkmode).toBe(true)
  expect(appJson.themeLocation).toBe('theme.json')
  expect(fs.existsSync(path.join(DIST, appJson.themeLocation!))).toBe(true)
})

test('every @variable of app.json’s window is defined for both themes, with a valid value', () => {
  const theme = JSON.parse(fs.readFileSync(path.join(DIST, 'theme.json'), 'utf8')) as ThemeJson
  const used = Object.entries(appJson.window).filter(([, v]) => v.startsWith('@'))
  // The navigation bar, its text, the window background and the pull-down text style all follow.
  expect(used.map(([k]) => k).sort()).toEqual(['backgroundColor', 'backgroundTextStyle', 'navigationBarBackgroundColor', 'navigationBarTextStyle'])
  for (const mode of ['light', 'dark'] as const) {
    for (const [key, ref] of used) {
      const value = theme[mode][ref.slice(1)]
      expect(value).toBeDefined()
      if (key.endsWith('Color')) expect(value).toMatch(/^#[0-9a-f]{6}$/i)
      if (key === 'navigationBarTextStyle') expect(['white', 'black']).toContain(value)
      if (key === 'backgroundTextStyle') expect(['light', 'dark']).toContain(value)
    }
  }
})

test('theme.json’s colours are the stylesheet’s: the page background and the bar above it', () => {
  const theme = JSON.parse(fs.readFileSync(path.join(DIST, 'theme.json'), 'utf8')) as ThemeJson
  const scss = fs.readFileSync(path.resolve(__dirname, '../../src/styles/variables.scss'), 'utf8')
  const color = (table: string, name: string) => new RegExp(`\\$zb-theme-${table}:[\\s\\S]*?\\n\\s+${name}: (#[0-9a-f]{6})`, 'i').exec(scss)?.[1]
  expect(theme.light.bgColor).toBe(color('light', 'bg'))
  expect(theme.light.navBgColor).toBe(color('light', 'bar'))
  expect(theme.dark.bgColor).toBe(color('dark', 'bg'))
  expect(theme.dark.navBgColor).toBe(color('dark', 'bar'))
})

test('the built stylesheet defines the theme’s properties on the page and switches them in dark mode', () => {
  // Taro's app.wxss imports the app's own stylesheet (app-origin.wxss) and the shared one.
  const app = fs.readFileSync(path.join(DIST, 'app.wxss'), 'utf8')
  const imported = [...app.matchAll(/@import "\.\/([^"]+)"/g)].map((m) => fs.readFileSync(path.join(DIST, m[1]), 'utf8'))
  const css = [app, ...imported].join('\n')
  expect(css).toMatch(/page\{[^}]*--zb-bg:#f5f6f8/)
  expect(css).toMatch(/@media \(prefers-color-scheme:\s*dark\)\{[^{]*page\{[^}]*--zb-bg:#111/)
})
