// One jest run, several projects: each kind of test gets the environment it needs.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }]
// ESM-only packages that jest must transform to CommonJS.
const esmPackages = ['typebox', '@fastify/type-provider-typebox', 'file-type', 'strtok3', 'token-types', 'peek-readable', 'uint8array-extras', '@tokenizer', 'chinese-days']
const nodeProject = (displayName, roots, extra = {}) => ({
  displayName,
  testEnvironment: 'node',
  testMatch: roots.map((r) => `<rootDir>/${r}/**/*.test.ts`),
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  ...extra
})

const projects = [
  nodeProject('unit', ['test/domain', 'test/unit']),
  nodeProject('api:pglite', ['test/server'], { setupFiles: ['<rootDir>/test/helpers/use-pglite.ts'] })
]
if (process.env.DATABASE_URL) {
  projects.push(nodeProject('api:postgres', ['test/server'], { setupFiles: ['<rootDir>/test/helpers/use-postgres.ts'] }))
} else {
  console.warn('[zhibao] DATABASE_URL is not set: API tests run on PGlite only (CI runs them on PostgreSQL too).')
}
// App projects (component tests, weapp simulate, e2e) are appended by their own config files.
for (const extra of ['./test/app/jest.project.js', './test/weapp/jest.project.js', './test/e2e/jest.project.js']) {
  try {
    projects.push(require(extra))
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e
  }
}

module.exports = { projects, reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'] }
