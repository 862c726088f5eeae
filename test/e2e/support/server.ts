import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '../../..')
const START_TIMEOUT_MS = 150_000

export interface RunningServer {
  baseUrl: string
  output: () => string
  /** Ends a clock shift (StartOptions.clockShiftDays): from now on the server's clock is the real one. */
  realClock(): Promise<void>
  stop(): Promise<void>
}

export interface StartOptions {
  /** Start the server's clock this many days in the past (support/clock-shift.cjs) until realClock(). */
  clockShiftDays?: number
}

/**
 * Starts zhibao the way `npm start` does (embedded database, dev WeChat mode), on a free port
 * and a data folder of its own, and waits for the line that says where it listens.
 */
export async function startServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-e2e-'))
  const realFlag = path.join(dataDir, 'e2e-clock-real')
  // Through NODE_OPTIONS: tsx runs the server in a node process of its own.
  const shift = options.clockShiftDays
    ? {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(__dirname, 'clock-shift.cjs')}`.trim(),
        ZB_E2E_CLOCK_SHIFT_DAYS: String(options.clockShiftDays),
        ZB_E2E_CLOCK_REAL_FLAG: realFlag
      }
    : {}
  const child: ChildProcess = spawn(process.execPath, [require.resolve('tsx/cli', { paths: [root] }), 'server/main.ts', '--no-build'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...shift,
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const baseUrl = await new Promise<string>((resolve, reject) => {
    // tsx compiling the server and PGlite migrating a fresh database take a few seconds alone; on a
    // busy 2-core machine (the whole suite in parallel) well over a minute.
    const timer = setTimeout(() => reject(new Error(`server did not start in ${START_TIMEOUT_MS / 1000} s:\n${out}`)), START_TIMEOUT_MS)
    const check = () => {
      const m = out.match(/is running at (http:\/\/[^/\s]+)\//)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${out}`))
    })
  })
  return {
    baseUrl,
    output: () => out,
    async realClock() {
      fs.writeFileSync(realFlag, '')
      // The server polls for the flag every 100 ms.
      await new Promise((r) => setTimeout(r, 300))
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
