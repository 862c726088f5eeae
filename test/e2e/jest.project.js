// End-to-end: the real server (`server/main.ts`, embedded PGlite) serving the built H5 app,
// driven by Debian's Chromium at a phone viewport. globalSetup builds dist/h5 when stale.
const path = require('node:path')

const rootDir = path.resolve(__dirname, '../..')
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }]

module.exports = {
  displayName: 'e2e',
  rootDir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  transform: { '^.+\\.ts$': swc },
  globalSetup: '<rootDir>/test/e2e/support/build-h5.js'
}
