import vm from 'node:vm'
import { rootFontPx, rootFontScript } from '../../config/h5-root-font'

// pxtransform makes 20 design px one rem, so body text (15 design px) is 0.75 × the root size.
const bodyPx = (root: number) => 0.75 * root

test('a desk window draws the design at its own size: 15-px body text at 1440×900 and at 1024 wide', () => {
  expect(bodyPx(rootFontPx(1440, 900))).toBe(15)
  expect(bodyPx(rootFontPx(1024, 768))).toBe(15)
  expect(bodyPx(rootFontPx(2560, 1440))).toBe(15)
})

test('phones scale with their width, never past a large phone and never below the design', () => {
  expect(rootFontPx(390, 844)).toBeCloseTo(20.8, 5)
  expect(rootFontPx(375, 667)).toBe(20)
  expect(rootFontPx(320, 568)).toBe(20)
  // Turned sideways, the shorter side counts.
  expect(rootFontPx(844, 390)).toBeCloseTo(20.8, 5)
  // A tablet is drawn like the largest phone, not at twice phone size.
  expect(rootFontPx(768, 1024)).toBeCloseTo((20 * 430) / 375, 5)
})

test('the inline script applies the same rule to the page and again on resize', () => {
  const listeners: Record<string, () => void> = {}
  const size = { width: 1440, height: 900 }
  const root = { style: { fontSize: '' }, getBoundingClientRect: () => ({ ...size }) }
  const window = { document: { documentElement: root }, addEventListener: (name: string, fn: () => void) => (listeners[name] = fn) }
  vm.runInNewContext(rootFontScript(), { window })
  expect(root.style.fontSize).toBe('20px')
  Object.assign(size, { width: 390, height: 844 })
  listeners.resize()
  expect(parseFloat(root.style.fontSize)).toBeCloseTo(20.8, 5)
})
