import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { canUnsharePid, start, tsNode, type Child } from './support/processes'

// The real server on an embedded database, killed with -9 and started again on the same data
// folder: the way a crash, a container restart and `docker kill` leave it.
const MAIN = 'server/main.ts'
let dataDir: string
const running: Child[] = []

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zb-restart-'))
})
afterAll(async () => {
  await Promise.all(running.map((c) => c.kill9()))
  fs.rmSync(dataDir, { recursive: true, force: true })
})

function server(prefix: string[] = []): Child {
  const [node, args] = tsNode(MAIN, '--no-build')
  const [cmd, ...rest] = [...prefix, node, ...args]
  const child = start(cmd, rest, { DATABASE_URL: '', PORT: '0', DATA_DIR: dataDir, H5_DIR: path.join(dataDir, 'no-h5'), LOG_LEVEL: 'warn', WECHAT_MODE: 'dev' })
  running.push(child)
  return child
}

async function healthy(child: Child): Promise<void> {
  const [, base] = await child.waitFor(/is running at (http:\/\/[^/\s]+)\//, 90_000)
  const res = await fetch(`${base}/api/health`)
  expect(res.status).toBe(200)
}

const fresh = canUnsharePid ? ['unshare', '--pid', '--fork'] : null
if (!fresh) process.stderr.write('\n*** SKIPPING the fresh-PID-namespace restarts: `unshare --pid --fork` is not permitted here (needs root) ***\n\n')

it('a server killed with -9 starts again on the same data folder, also in a fresh PID namespace, and two are never let in', async () => {
  const first = server()
  await healthy(first)
  await first.kill9()

  const second = server()
  await healthy(second)
  // While it runs, another server on the same folder is refused, with the reason.
  const rival = server()
  expect(await rival.exited).toBe(1)
  expect(rival.output()).toMatch(/already in use by process \d+/)
  await second.kill9()

  if (!fresh) return
  // A container restart: the new server is PID 1 in a new namespace, as was…
  const third = server(fresh)
  await healthy(third)
  await third.kill9()
  // …its predecessor: the same PID, now dead, and the lock is still taken over.
  const fourth = server(fresh)
  await healthy(fourth)
  expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'zhibao.lock'), 'utf8')).pid).toBe(1)
  await fourth.kill9()
}, 240_000)
