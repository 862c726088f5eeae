// Component tests: pages rendered with @testing-library/react under Taro's H5 runtime in jsdom.
const path = require('node:path')

const rootDir = path.resolve(__dirname, '../..')
// ESM published under node_modules that jest must transform to CommonJS.
const esm = ['@tarojs', '@nutui', '@stencil', 'swiper', 'ssr-window', 'dom7', 'lodash-es', 'query-string', 'decode-uri-component', 'split-on-first', 'filter-obj', 'classnames', 'nanoid', 'ics']

module.exports = {
  displayName: 'app',
  rootDir,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/app/**/*.test.{ts,tsx}'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': ['babel-jest', { configFile: path.join(__dirname, 'babel.config.js') }],
    '^.+\\.(png|jpe?g|gif|svg)$': path.join(__dirname, 'support/file-transform.js')
  },
  transformIgnorePatterns: [`<rootDir>/node_modules/(?!(${esm.join('|')})/)`],
  // `h5.*` first: a per-platform file (login.h5.ts) wins over its default, as in the H5 build.
  moduleFileExtensions: ['h5.ts', 'h5.tsx', 'ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json', 'png'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/app/support/taro.js',
    '^@/(.*)$': '<rootDir>/src/$1',
    '\\.(css|scss)$': '<rootDir>/test/app/support/style-stub.js'
  },
  // Build flags Taro's webpack config defines; the runtime reads them as globals.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    DEPRECATED_ADAPTER_COMPONENT: false
  },
  setupFiles: ['<rootDir>/test/app/support/env.js'],
  setupFilesAfterEnv: ['<rootDir>/test/app/support/setup.js']
}
