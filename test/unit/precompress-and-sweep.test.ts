import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import Fastify from 'fastify'
import compress, { COMPRESSIBLE } from '../../server/plugins/external/compress'
import tmpSweeper, { sweepOldFiles } from '../../server/plugins/app/tmp-sweeper'
import { precompressDir } from '../../server/startup/precompress-h5'

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix))
const age = (file: string, ms: number) => {
  const t = new Date(Date.now() - ms)
  fs.utimesSync(file, t, t)
}
async function until(cond: () => boolean, what: string, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('precompressing the built H5 app', () => {
  it('writes .br and .gz beside each hashed text file that are the file, skips unhashed, tiny and binary files, and only once per build', async () => {
    const dir = tmp('zb-pre-')
    fs.mkdirSync(path.join(dir, 'js'))
    const js = 'const 信息直报 = 1;\n'.repeat(500)
    fs.writeFileSync(path.join(dir, 'js/app.1234abcd.js'), js)
    fs.writeFileSync(path.join(dir, 'tiny.0000abcd.js'), 'x')
    // Not content-hashed: a .br beside it would outlive the next build.
    fs.writeFileSync(path.join(dir, 'index.html'), '<html>'.repeat(500))
    fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.alloc(5000))
    expect(await precompressDir(dir)).toBe(2)
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'js/app.1234abcd.js.br'))).toString()).toBe(js)
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'js/app.1234abcd.js.gz'))).toString()).toBe(js)
    expect(fs.existsSync(path.join(dir, 'tiny.0000abcd.js.br'))).toBe(false)
    expect(fs.existsSync(path.join(dir, 'index.html.br'))).toBe(false)
    expect(fs.existsSync(path.join(dir, 'photo.png.br'))).toBe(false)
    expect(await precompressDir(dir)).toBe(0)
    // A rebuild (newer source) is compressed again.
    age(path.join(dir, 'js/app.1234abcd.js.br'), 60_000)
    age(path.join(dir, 'js/app.1234abcd.js.gz'), 60_000)
    expect(await precompressDir(dir)).toBe(2)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})

describe('compression', () => {
  it('covers JSON, JS, CSS, HTML and SVG but never server-sent events', () => {
    for (const type of ['application/json; charset=utf-8', 'application/javascript; charset=UTF-8', 'text/javascript', 'text/css', 'text/html; charset=utf-8', 'image/svg+xml', 'application/problem+json'])
      expect([type, COMPRESSIBLE.test(type)]).toEqual([type, true])
    for (const type of ['text/event-stream', 'text/event-stream; charset=utf-8', 'image/jpeg', 'image/png', 'application/octet-stream'])
      expect([type, COMPRESSIBLE.test(type)]).toEqual([type, false])
  })

  it('an event stream leaves uncompressed even when the client accepts brotli', async () => {
    const app = Fastify()
    await app.register(compress)
    const big = 'data: ' + 'x'.repeat(4000) + '\n\n'
    app.get('/events', async (_req, reply) => reply.type('text/event-stream').send(big))
    app.get('/json', async () => ({ big }))
    const sse = await app.inject({ method: 'GET', url: '/events', headers: { 'accept-encoding': 'br, gzip' } })
    expect(sse.headers['content-encoding']).toBeUndefined()
    expect(sse.body).toBe(big)
    const json = await app.inject({ method: 'GET', url: '/json', headers: { 'accept-encoding': 'br, gzip' } })
    expect(json.headers['content-encoding']).toBe('br')
    await app.close()
  })
})

describe('temp files of interrupted uploads', () => {
  it('sweepOldFiles removes files older than the limit and nothing else', async () => {
    const dir = tmp('zb-sweep-')
    fs.writeFileSync(path.join(dir, 'old'), 'x')
    age(path.join(dir, 'old'), 20 * 60_000)
    fs.writeFileSync(path.join(dir, 'writing'), 'x')
    fs.mkdirSync(path.join(dir, 'sub'))
    age(path.join(dir, 'sub'), 20 * 60_000)
    expect(await sweepOldFiles(dir, 10 * 60_000)).toBe(1)
    expect(fs.readdirSync(dir).sort()).toEqual(['sub', 'writing'])
    expect(await sweepOldFiles(path.join(dir, 'missing'), 0)).toBe(0)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('the sweeper runs at start-up and then periodically, and stops on close', async () => {
    const dir = tmp('zb-sweeper-')
    const leftover = path.join(dir, 'leftover')
    fs.writeFileSync(leftover, 'x')
    age(leftover, 60_000)
    // A long interval: only the start-up sweep can remove the leftover in time.
    const startup = Fastify()
    await startup.register(tmpSweeper, { dir, intervalMs: 3600_000, maxAgeMs: 30_000 })
    await startup.ready()
    await until(() => !fs.existsSync(leftover), 'the start-up sweep')
    await startup.close()

    const periodic = Fastify()
    const cleared = jest.spyOn(global, 'clearInterval')
    await periodic.register(tmpSweeper, { dir, intervalMs: 50, maxAgeMs: 30_000 })
    await periodic.ready()
    // Left after the start-up sweep: only a later, periodic sweep can remove it.
    const later = path.join(dir, 'later')
    fs.writeFileSync(later, 'x')
    age(later, 60_000)
    await until(() => !fs.existsSync(later), 'a periodic sweep')
    await periodic.close()
    // Our own timer (the one repeating every 50 ms) was the one cleared.
    expect(cleared.mock.calls.some(([timer]) => (timer as unknown as { _repeat?: number })?._repeat === 50)).toBe(true)
    cleared.mockRestore()
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
