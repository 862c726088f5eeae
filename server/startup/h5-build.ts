import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'

const SOURCES = ['src', 'domain', 'config', 'package.json', 'babel.config.js']

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs)
}

/** Builds the H5 app when it is missing or older than its sources, so `npm start` always serves the current app. */
export function ensureH5Build(root: string, h5Dir: string, log: (line: string) => void): void {
  const index = path.join(h5Dir, 'index.html')
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))))
  if (built >= sources) return
  log(built ? 'H5 app is older than its sources: rebuilding (about 20 s)…' : 'H5 app not built yet: building (about 20 s)…')
  const result = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) throw new Error('Building the H5 app failed; see the output above (run `npm run build:h5` to retry).')
}
