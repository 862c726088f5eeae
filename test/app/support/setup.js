// Runs before each component test file (plain JS: react-dom and Taro's runtime ship no types here).
require('@testing-library/jest-dom')
const React = require('react')
const ReactDOM = require('react-dom')
const { createH5NativeComponentConfig } = require('@tarojs/plugin-framework-react/dist/runtime')
const Taro = require('@tarojs/taro').default

// Register React with Taro's runtime, as the H5 entry does: Taro's hooks read React from there.
createH5NativeComponentConfig(() => null, React, ReactDOM)

beforeEach(() => {
  Taro.clearStorageSync()
})
afterEach(() => {
  jest.restoreAllMocks()
})

// jsdom has no IntersectionObserver, which Taro's <Image lazyLoad> asks for; never intersecting is enough here.
window.IntersectionObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return []
  }
}
