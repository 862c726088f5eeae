import fs from 'node:fs/promises'
import path from 'node:path'
import fp from 'fastify-plugin'

export interface TmpSweeperOptions {
  /** The folder whose leftovers are removed (local media storage's `.tmp`); null: nothing to do. */
  dir: string | null
  intervalMs: number
  /** A temp file untouched this long belongs to an upload that will never finish. */
  maxAgeMs: number
}

/**
 * An upload cut off by a crash or a killed process leaves its temp file behind; nothing else
 * would ever remove it. Sweeps once at start-up and then every intervalMs; stops on close.
 * Only files older than maxAgeMs go, so a write still in progress (another server on the same
 * folder) is never pulled away.
 */
export default fp<TmpSweeperOptions>(async (app, opts) => {
  const dir = opts.dir
  if (!dir) return
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> = Promise.resolve()
  const sweep = () => {
    running = running.then(async () => {
      const removed = await sweepOldFiles(dir, opts.maxAgeMs).catch((err) => {
        app.log.warn({ err, dir }, 'could not sweep temp files')
        return 0
      })
      if (removed) app.log.info({ removed, dir }, 'removed temp files of interrupted uploads')
    })
  }
  app.addHook('onReady', async () => {
    sweep()
    timer = setInterval(sweep, opts.intervalMs)
    timer.unref()
  })
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer)
    await running
  })
})

export async function sweepOldFiles(dir: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw err
  }
  let removed = 0
  for (const name of names) {
    const file = path.join(dir, name)
    const info = await fs.lstat(file).catch(() => null)
    if (!info?.isFile() || now - info.mtimeMs < maxAgeMs) continue
    await fs.rm(file, { force: true })
    removed++
  }
  return removed
}
