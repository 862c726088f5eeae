import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { acquireDataDirLock, currentProcess, LOCK_FILE, type LockHolder } from '../../server/startup/lock'
import { canUnsharePid, start, tsNode, type Child } from './support/processes'

const HOLDER = path.join(__dirname, 'support/hold-lock.ts')
const STALE_MS = 800
const fast = { heartbeatMs: 100, staleMs: STALE_MS }

let dir: string
const children: Child[] = []
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zb-lock-'))
})
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill9()))
  fs.rmSync(dir, { recursive: true, force: true })
})

const lockFile = () => path.join(dir, LOCK_FILE)
const holderInLock = (): LockHolder => JSON.parse(fs.readFileSync(lockFile(), 'utf8'))
/** A lock record as a process would have left it; `age` sets how long ago its heartbeat last beat. */
function leaveLock(holder: Partial<LockHolder>, ageMs = 0) {
  fs.writeFileSync(lockFile(), JSON.stringify({ ...currentProcess(), ...holder }))
  const t = new Date(Date.now() - ageMs)
  fs.utimesSync(lockFile(), t, t)
}
function holder(...args: string[]) {
  const [cmd, argv] = tsNode(HOLDER, dir, String(STALE_MS))
  const child = args.length ? start(args[0], [...args.slice(1), cmd, ...argv]) : start(cmd, [...argv])
  children.push(child)
  return child
}

it('one process at a time: the same process twice is refused, and the lock is free again once released', async () => {
  const release = await acquireDataDirLock(dir, fast)
  expect(holderInLock().pid).toBe(process.pid)
  await expect(acquireDataDirLock(dir, fast)).rejects.toThrow(/already in use by process \d+/)
  release()
  expect(fs.existsSync(lockFile())).toBe(false)
  const again = await acquireDataDirLock(dir, fast)
  again()
})

it('a live process holding the folder is refused; after it is killed with -9 the lock is taken over', async () => {
  const other = holder()
  const [, pid] = await other.waitFor(/locked (\d+)/)
  await expect(acquireDataDirLock(dir, fast)).rejects.toThrow(new RegExp(`already in use by process ${pid}\\b`))
  await other.kill9()
  const release = await acquireDataDirLock(dir, fast)
  expect(holderInLock().pid).toBe(process.pid)
  release()
}, 30_000)

it('a lock left under our own PID by an earlier process (container restart, same PID) is stale', async () => {
  leaveLock({ startTime: '1', token: 'earlier' })
  const release = await acquireDataDirLock(dir, fast)
  expect(holderInLock().token).not.toBe('earlier')
  release()
})

it('a lock whose PID now belongs to another running process (PID reuse) is stale', async () => {
  const sleeper = spawn('sleep', ['30'])
  try {
    leaveLock({ pid: sleeper.pid!, startTime: '1', token: 'reused' })
    const release = await acquireDataDirLock(dir, fast)
    expect(holderInLock().pid).toBe(process.pid)
    release()
  } finally {
    sleeper.kill('SIGKILL')
  }
})

it('after a reboot (another boot id, heartbeat stopped before) the lock is stale at once', async () => {
  leaveLock({ pid: process.ppid, bootId: 'a-previous-boot', token: 'before-reboot' }, 3600_000)
  const release = await acquireDataDirLock(dir, { heartbeatMs: 100, staleMs: 60_000 })
  expect(holderInLock().token).not.toBe('before-reboot')
  release()
})

it('a holder we cannot see in /proc (another boot or host) is alive while its heartbeat beats', async () => {
  leaveLock({ pid: process.ppid, bootId: 'another-host', hostname: 'elsewhere', token: 'remote' })
  const beat = setInterval(() => {
    const t = new Date()
    fs.utimesSync(lockFile(), t, t)
  }, 100)
  try {
    await expect(acquireDataDirLock(dir, fast)).rejects.toThrow(/already in use by process \d+ on elsewhere/)
  } finally {
    clearInterval(beat)
  }
  // The heartbeat has stopped: once it is older than staleMs the lock is taken over.
  const release = await acquireDataDirLock(dir, fast)
  expect(holderInLock().token).not.toBe('remote')
  release()
})

it('an old PID-only lock of a process that has exited is stale', async () => {
  const dead = start('true', [])
  await dead.exited
  fs.writeFileSync(lockFile(), String(dead.proc.pid))
  const release = await acquireDataDirLock(dir, fast)
  expect(holderInLock().pid).toBe(process.pid)
  release()
})

const inNamespaces = canUnsharePid ? describe : describe.skip
if (!canUnsharePid) process.stderr.write('\n*** SKIPPING PID-namespace lock tests: `unshare --pid --fork` is not permitted here (needs root) ***\n\n')

inNamespaces('holders in other PID namespaces (unshare --pid --fork)', () => {
  it('a holder in a fresh namespace (PID 1 there) is refused to us while alive, stale once killed -9', async () => {
    const boxed = holder('unshare', '--pid', '--fork')
    await boxed.waitFor(/locked 1\b/)
    expect(holderInLock().pid).toBe(1)
    await expect(acquireDataDirLock(dir, fast)).rejects.toThrow(/already in use by process 1\b/)
    await boxed.kill9()
    const release = await acquireDataDirLock(dir, fast)
    expect(holderInLock().pid).toBe(process.pid)
    release()
  }, 30_000)

  it('a restart in a fresh namespace takes over from its crashed predecessor, which had the same PID', async () => {
    const first = holder('unshare', '--pid', '--fork')
    await first.waitFor(/locked 1\b/)
    const firstToken = holderInLock().token
    // While the first one lives, a second one in its own namespace is refused.
    const rival = holder('unshare', '--pid', '--fork')
    await rival.waitFor(/refused: .*already in use by process 1\b/)
    await first.kill9()
    const second = holder('unshare', '--pid', '--fork')
    await second.waitFor(/locked 1\b/)
    expect(holderInLock().token).not.toBe(firstToken)
  }, 30_000)
})
