// Builds one Taro platform (h5 | weapp) when its output is missing or older than any source it
// is made from. Shared by `npm start` (H5) and the test set-ups (weapp, H5), so "stale" means
// the same thing everywhere. CommonJS so jest's globalSetup can require it as is.
const fs = require('node:fs')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

const root = path.resolve(__dirname, '..')
const SOURCES = ['src', 'domain', 'config', 'babel.config.js', 'package.json', '.env.production', '.env.development']
const MARKER = { h5: 'index.html', weapp: 'app.js' }

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs)
}

/** @returns {boolean} whether a build ran */
function buildIfStale(platform, { outDir = path.join(root, 'dist', platform), log = (line) => process.stdout.write(line + '\n'), quiet = false } = {}) {
  const marker = path.join(outDir, MARKER[platform])
  const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0
  if (built > Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))))) return false
  log(`${built ? `dist/${platform} is older than its sources` : `dist/${platform} is not built yet`}: building it (npm run build:${platform})…`)
  const started = Date.now()
  const taro = require.resolve('@tarojs/cli/bin/taro', { paths: [root] })
  const result = spawnSync(process.execPath, [taro, 'build', '--type', platform], { cwd: root, stdio: quiet ? 'pipe' : 'inherit',
    // Jest sets NODE_ENV=test, which makes Taro build for development (react-refresh and all).
    env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) {
    if (quiet) process.stderr.write(String(result.stdout ?? '') + String(result.stderr ?? ''))
    throw new Error(`Building dist/${platform} failed (output above); run \`npm run build:${platform}\` to retry.`)
  }
  log(`dist/${platform} built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return true
}

module.exports = { buildIfStale }
