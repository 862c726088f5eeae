/**
 * @jest-environment node
 */
// What keeps the built main package small (config/index.ts) must not take away anything a screen
// needs. ci-quality.test.ts measures the size; this checks the trimmed parts.
import fs from 'node:fs'
import path from 'node:path'
import { DIST } from './support/harness'

const ROOT = path.resolve(__dirname, '../..')
const SUBPACKAGES = (JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { subPackages: { root: string }[] }).subPackages.map(
  (p) => p.root.replace(/\/$/, '')
)

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? filesUnder(p) : [p]
  })
}
const mainPackageFiles = () =>
  filesUnder(DIST)
    .map((f) => path.relative(DIST, f))
    .filter((f) => !SUBPACKAGES.includes(f.split(path.sep)[0]))

test('the main package carries no pictures: the empty and error states travel inlined in their subpackages', () => {
  expect(mainPackageFiles().filter((f) => /\.(png|jpe?g|gif|svg|webp)$/i.test(f))).toEqual([])
  // Every subpackage that shows an empty state has the pictures inside its own code.
  for (const root of SUBPACKAGES) {
    const code = filesUnder(path.join(DIST, root))
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n')
    if (code.includes('zb-empty-state')) expect(code).toContain('data:image/png;base64,')
  }
})

test('NutUI’s icon animations are dropped only where nothing uses them; the loading spinner keeps its rotation', () => {
  const sources = [...filesUnder(path.join(ROOT, 'src')), ...filesUnder(path.join(ROOT, 'node_modules/@nutui/nutui-react-taro/dist/es'))].filter((f) =>
    /\.(tsx?|jsx?|s?css)$/.test(f)
  )
  const users = sources.filter((f) => /nut-icon-am-|nutJump|nutBlink|nutBreathe|nutFlash|nutBounce|nutShake/.test(fs.readFileSync(f, 'utf8')))
  expect(users).toEqual([])

  const css = fs.readFileSync(path.join(DIST, 'common.wxss'), 'utf8')
  expect(css).not.toContain('nut-icon-am-')
  expect(css).toMatch(/\.nut-icon-loading[^{]*\{[^}]*animation:rotation/)
  expect(css).toContain('@keyframes rotation')
  expect(css).toMatch(/\.nut-icon\{/)
})

test('calls only one role’s pages make are not in the main package', () => {
  const js = mainPackageFiles()
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(DIST, f), 'utf8'))
    .join('\n')
  // Sending a case stays: the outbox sends queued cases from the launch page (home-launch.test.ts).
  expect(js).toContain('/api/cases')
  for (const roleOnly of ['/api/messages/mine', '/api/cases/mine', '/resubmit', '/api/inbox', '/api/admin']) expect(js).not.toContain(roleOnly)
})
