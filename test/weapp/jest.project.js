// Tests on the *built* mini-program (dist/weapp): WeChat's own compiler via miniprogram-simulate
// and miniprogram-ci. globalSetup builds it once when it is missing or older than its sources.
const path = require('node:path')

const rootDir = path.resolve(__dirname, '../..')

module.exports = {
  displayName: 'weapp',
  rootDir,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['babel-jest', { configFile: path.join(rootDir, 'test/app/babel.config.js') }]
  },
  // The built app is loaded as it is, like WeChat loads it; and node_modules as published.
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/test/weapp/support/build-once.js'
}
