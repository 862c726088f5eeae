import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/**
 * PGlite lets any number of processes open one folder and corrupts it when they do; this lock
 * file lets exactly one in. A PID alone is not enough to tell a live holder from a dead one:
 * a server restarted inside a container gets the same PID as the one that crashed, and after a
 * reboot any process may hold it. So the lock records who holds it precisely (PID, process start
 * time, PID namespace, boot id) and the holder keeps the file's mtime fresh (a heartbeat from a
 * worker thread, so a busy event loop cannot starve it). A newcomer that shares the holder's boot
 * and PID namespace asks /proc directly; one that does not (another container, another boot,
 * another host on a shared folder) waits to see whether the heartbeat is still beating.
 */

export interface LockOptions {
  /** How often the holder touches the lock file. */
  heartbeatMs?: number
  /** A heartbeat older than this means the holder is gone. */
  staleMs?: number
}

export interface LockHolder {
  pid: number
  /** Clock ticks since boot at which the process started (/proc/<pid>/stat field 22). */
  startTime: string | null
  /** Inode of /proc/self/ns/pid: the PID namespace the PID means something in. */
  pidNs: string | null
  bootId: string | null
  hostname: string
  token: string
}

export const LOCK_FILE = 'zhibao.lock'
const DEFAULT_HEARTBEAT_MS = 1000
const DEFAULT_STALE_MS = 5000

export class DataDirInUseError extends Error {}

export async function acquireDataDirLock(dataDir: string, options: LockOptions = {}): Promise<() => void> {
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, LOCK_FILE)
  const me = currentProcess()
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, me)) return hold(file, me, heartbeatMs)
    const seen = readLock(file)
    if (!seen) continue // released between our attempt and the read
    if (await holderAlive(seen, file, me, staleMs)) {
      const who = seen.holder ? `process ${seen.holder.pid}${seen.holder.hostname !== me.hostname ? ` on ${seen.holder.hostname}` : ''}` : 'another process'
      throw new DataDirInUseError(`The data folder ${dataDir} is already in use by ${who}. Stop that process, or set DATA_DIR to another folder.`)
    }
    removeIfUnchanged(file, seen.ino)
  }
  throw new Error(`Could not lock ${dataDir}: other processes keep taking the lock; try again.`)
}

/** Who we are, in the terms the lock records. */
export function currentProcess(): LockHolder {
  return {
    pid: process.pid,
    // /proc/self is always this process, even when /proc belongs to another PID namespace.
    startTime: startTimeOf('self'),
    pidNs: pidNamespace(),
    bootId: readTrimmed('/proc/sys/kernel/random/boot_id'),
    hostname: os.hostname(),
    token: crypto.randomBytes(12).toString('hex')
  }
}

/** Writes the whole record under a private name, then links it into place: all or nothing. */
function tryCreate(file: string, me: LockHolder): boolean {
  const tmp = `${file}.${me.token}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(me) + '\n', { flag: 'wx' })
  try {
    fs.linkSync(tmp, file)
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    return false
  } finally {
    fs.rmSync(tmp, { force: true })
  }
}

interface SeenLock {
  ino: number
  mtimeMs: number
  /** Null when the file is not a record of ours (an older PID-only lock, or garbage). */
  holder: LockHolder | null
  legacyPid: number | null
}

function readLock(file: string): SeenLock | null {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  try {
    const info = fs.fstatSync(fd)
    const text = fs.readFileSync(fd, 'utf8')
    let holder: LockHolder | null = null
    try {
      const parsed = JSON.parse(text)
      if (parsed && typeof parsed.pid === 'number' && typeof parsed.token === 'string') holder = parsed
    } catch {
      // not JSON
    }
    const legacyPid = !holder && /^\d+$/.test(text.trim()) ? Number(text.trim()) : null
    return { ino: info.ino, mtimeMs: info.mtimeMs, holder, legacyPid }
  } finally {
    fs.closeSync(fd)
  }
}

async function holderAlive(seen: SeenLock, file: string, me: LockHolder, staleMs: number): Promise<boolean> {
  const h = seen.holder
  if (h && h.bootId && h.bootId === me.bootId && h.pidNs && h.pidNs === me.pidNs && procIsOurs()) {
    // Same kernel boot, same PID namespace, and /proc shows our namespace: /proc is the truth.
    // The start time tells the holder from a newer process that was given the same PID.
    const now = startTimeOf(String(h.pid))
    return now !== null && now === h.startTime
  }
  if (seen.legacyPid !== null && procIsOurs() && startTimeOf(String(seen.legacyPid)) === null) return false
  // Anyone else: alive while the heartbeat beats.
  return heartbeatFresh(file, seen, staleMs)
}

/** True when the lock's mtime moves, or is younger than staleMs, until it has had time to go stale. */
async function heartbeatFresh(file: string, seen: SeenLock, staleMs: number): Promise<boolean> {
  const poll = Math.max(50, Math.min(250, staleMs / 10))
  for (;;) {
    const current = readLock(file)
    if (!current || current.ino !== seen.ino) return true // someone else holds it now: look again
    if (current.mtimeMs !== seen.mtimeMs) return true
    if (Date.now() - current.mtimeMs > staleMs) return false
    await new Promise((r) => setTimeout(r, poll))
  }
}

/**
 * Takes a stale lock away by renaming it aside, then checks the renamed file is the one judged
 * stale: if another newcomer replaced it meanwhile, its fresh lock is put back.
 */
function removeIfUnchanged(file: string, ino: number) {
  const aside = `${file}.${crypto.randomBytes(6).toString('hex')}.stale`
  try {
    fs.renameSync(file, aside)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
    throw err
  }
  try {
    if (fs.statSync(aside).ino !== ino) {
      try {
        fs.linkSync(aside, file)
      } catch {
        // a third process locked meanwhile; it holds the lock now
      }
    }
  } finally {
    fs.rmSync(aside, { force: true })
  }
}

function hold(file: string, me: LockHolder, heartbeatMs: number): () => void {
  const fd = fs.openSync(file, 'r')
  // futimes on our own descriptor: touches our file even if someone renamed it, never theirs.
  const beat = new Worker(
    `const { workerData } = require('node:worker_threads'); const fs = require('node:fs');
     setInterval(() => { try { const t = new Date(); fs.futimesSync(workerData.fd, t, t) } catch {} }, workerData.ms)`,
    { eval: true, workerData: { fd, ms: heartbeatMs } }
  )
  beat.unref()
  let released = false
  const release = () => {
    if (released) return
    released = true
    void beat.terminate()
    try {
      const seen = readLock(file)
      if (seen?.holder?.token === me.token) fs.unlinkSync(file)
    } catch {
      // already gone
    }
    try {
      fs.closeSync(fd)
    } catch {
      // closed
    }
  }
  process.once('exit', release)
  return release
}

function startTimeOf(pid: string): string | null {
  const stat = readTrimmed(`/proc/${pid}/stat`)
  if (!stat) return null
  // The command name (field 2) may contain spaces and parentheses: count from its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return fields[19] ?? null
}

function pidNamespace(): string | null {
  try {
    return String(fs.statSync('/proc/self/ns/pid').ino)
  } catch {
    return null
  }
}

/** /proc shows our own PID namespace (it does not after `unshare --pid` without remounting it). */
function procIsOurs(): boolean {
  try {
    return fs.readlinkSync('/proc/self') === String(process.pid)
  } catch {
    return false
  }
}

function readTrimmed(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    return null
  }
}
