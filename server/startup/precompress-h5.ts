import fs from 'node:fs/promises'
import path from 'node:path'
import zlib from 'node:zlib'
import { promisify } from 'node:util'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)
const TEXT = /\.(js|css|html|svg|json|map)$/
/**
 * Webpack names every built file after a hash of its content (`app.352f9c48.js`): such a file
 * never changes, so it may be cached for good, and a `.br` beside it can never be out of date.
 * Files without a hash (index.html) are left alone: after a rebuild an old `.br` would be served
 * in place of the new file.
 */
export const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+(\.(br|gz))?$/i
const MIN_BYTES = 1024

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside each hashed text file of the
 * built H5 app that lacks them or is newer than them, once per build, so the static plugin serves the
 * smallest form without compressing on every request. zlib's async API runs on libuv's thread
 * pool: start-up and requests are not held up. Returns how many files it compressed.
 */
export async function precompressDir(root: string): Promise<number> {
  let done = 0
  for (const file of await listFiles(root)) {
    if (!TEXT.test(file) || !HASHED.test(file)) continue
    const info = await fs.stat(file)
    if (info.size < MIN_BYTES) continue
    let body: Buffer | null = null
    for (const [ext, squeeze] of [
      ['.br', (b: Buffer) => brotli(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } })],
      ['.gz', (b: Buffer) => gzip(b, { level: 9 })]
    ] as const) {
      const target = file + ext
      const existing = await fs.stat(target).catch(() => null)
      if (existing && existing.mtimeMs >= info.mtimeMs) continue
      body ??= await fs.readFile(file)
      const tmp = `${target}.${process.pid}.tmp`
      await fs.writeFile(tmp, await squeeze(body))
      await fs.rename(tmp, target) // never half a file under the served name
      done++
    }
  }
  return done
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await listFiles(full)))
    else if (entry.isFile()) out.push(full)
  }
  return out
}
