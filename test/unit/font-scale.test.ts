import { systemWantsLargeFont } from '../../src/services/font-scale'

// WeChat's 小程序适老化设计指南: fontSizeSetting per step on iOS (standard 17 px) at each screen
// width, and Android's 16 px × fontSizeScaleFactor.
const IOS_375 = { '-1': 16, 标准: 17, '+1': 18, '+2': 19.5, '+3': 21, '+4': 22, '+5 关怀模式': 23.8 }
const IOS_414 = { '-1': 16, 标准: 17, '+1': 18.5, '+2': 20, '+3': 22, '+4 关怀模式': 23.8, '+5': 25.5 }

test.each(Object.entries(IOS_375))('a 375-px iPhone at %s (%d px)', (step, px) => {
  const large = !['-1', '标准', '+1'].includes(step)
  expect(systemWantsLargeFont({ fontSizeSetting: px, fontSizeScaleFactor: px / 17 })).toBe(large)
})

test.each(Object.entries(IOS_414))('a 414-px iPhone at %s (%d px)', (step, px) => {
  const large = !['-1', '标准', '+1'].includes(step)
  expect(systemWantsLargeFont({ fontSizeSetting: px, fontSizeScaleFactor: px / 17 })).toBe(large)
})

test('Android: the scale factor decides (16 px standard)', () => {
  expect(systemWantsLargeFont({ fontSizeSetting: 16, fontSizeScaleFactor: 1 })).toBe(false)
  expect(systemWantsLargeFont({ fontSizeSetting: 17.6, fontSizeScaleFactor: 1.1 })).toBe(false)
  expect(systemWantsLargeFont({ fontSizeSetting: 19.6, fontSizeScaleFactor: 1.225 })).toBe(true)
  expect(systemWantsLargeFont({ fontSizeSetting: 22.4, fontSizeScaleFactor: 1.4 })).toBe(true)
})

test('without a factor the size is read against 17 px; nothing known is normal', () => {
  expect(systemWantsLargeFont({ fontSizeSetting: 23.8 })).toBe(true)
  expect(systemWantsLargeFont({ fontSizeSetting: 17 })).toBe(false)
  // H5's getAppBaseInfo answers NaN.
  expect(systemWantsLargeFont({ fontSizeSetting: NaN })).toBe(false)
  expect(systemWantsLargeFont({ fontSizeScaleFactor: NaN, fontSizeSetting: NaN })).toBe(false)
  expect(systemWantsLargeFont(null)).toBe(false)
})
