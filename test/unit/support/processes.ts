import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../../..')

/** `unshare --pid --fork` needs root (or user namespaces); the lock tests need it to be real. */
export const canUnsharePid = spawnSync('unshare', ['--pid', '--fork', 'true']).status === 0

export interface Child {
  proc: ChildProcess
  output: () => string
  /** Resolves with the first output line matching `re`; rejects if the process exits first. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>
  exited: Promise<number | null>
  /** SIGKILL to the whole process group: the command and anything it started (unshare's child). */
  kill9(): Promise<void>
}

/** Runs a command in a process group of its own, so kill9 reaches every process it started. */
export function start(command: string, args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let out = ''
  const listeners = new Set<() => void>()
  const onData = (d: Buffer) => {
    out += d
    for (const l of listeners) l()
  }
  proc.stdout!.on('data', onData)
  proc.stderr!.on('data', onData)
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
  return {
    proc,
    output: () => out,
    exited,
    waitFor(re, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`no output matching ${re} in ${timeoutMs} ms:\n${out}`)), timeoutMs)
        const check = () => {
          const m = out.match(re)
          if (m) done(null, m)
        }
        const done = (err: Error | null, m?: RegExpMatchArray) => {
          clearTimeout(timer)
          listeners.delete(check)
          if (err) reject(err)
          else resolve(m!)
        }
        listeners.add(check)
        void exited.then((code) => setImmediate(() => listeners.has(check) && done(new Error(`exited with ${code} before ${re}:\n${out}`))))
        check()
      })
    },
    async kill9() {
      if (proc.exitCode !== null || proc.signalCode !== null) return
      try {
        process.kill(-proc.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
      await exited
    }
  }
}

/** Node with tsx's loader in one process (no wrapper), so a kill -9 hits the real process. */
export const tsNode = (script: string, ...args: string[]) => [process.execPath, ['--import', 'tsx', script, ...args]] as const
