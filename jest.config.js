// One jest run, several projects: each kind of test gets the environment it needs.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }]
const fs = require('node:fs')
const path = require('node:path')

// Packages jest must transform to CommonJS: every ESM-only ("type": "module") package, found by
// reading node_modules rather than listed by hand (do not add names here), plus PGlite, whose
// CommonJS build still uses dynamic import() of Node's own modules.
function esmOnlyPackages() {
  const found = ['@electric-sql']
  const root = path.join(__dirname, 'node_modules')
  const isEsm = (dir) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')).type === 'module'
    } catch {
      return false
    }
  }
  // One level of nesting too: npm nests an ESM major under the package that needs it when an
  // older CommonJS major sits at the top (file-type's strtok3, for example).
  const scan = (dir, prefix) => {
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const names = name.startsWith('@') ? fs.readdirSync(path.join(dir, name)).map((sub) => `${name}/${sub}`) : [name]
      for (const pkg of names) {
        if (isEsm(`${prefix}${pkg}`)) found.push(pkg)
        if (!prefix) scan(path.join(dir, pkg, 'node_modules'), `${pkg}/node_modules/`)
      }
    }
  }
  scan(root, '')
  return [...new Set(found)].map((n) => n.replace(/[.+]/g, '\\$&'))
}
const esmPackages = esmOnlyPackages()
const nodeProject = (displayName, roots, extra = {}) => ({
  displayName,
  testEnvironment: 'node',
  testMatch: roots.map((r) => `<rootDir>/${r}/**/*.test.ts`),
  transform: { '^.+\\.(t|j|mj|cj)sx?$': swc },
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
// A config file may export one project, or a function of nodeProject returning several.
for (const extra of ['./test/app/jest.project.js', './test/weapp/jest.project.js', './test/e2e/jest.project.js', './test/fuzz/jest.project.js']) {
  try {
    const p = require(extra)
    projects.push(...[typeof p === 'function' ? p(nodeProject) : p].flat())
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e
  }
}

// PGlite takes a few seconds to start per test file on a busy 2-core machine.
// Generous because a busy 2-core machine can take tens of seconds to start PGlite and migrate it in a
// beforeAll; tests wait for conditions, and this limit only decides how long a real hang takes to report.
module.exports = { testTimeout: 120000, projects, reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'] }
