import { join } from 'node:path'
import { Worker } from 'node:worker_threads'

// The worker keeps the bodies it was given (`keep`), so a timed upload names one instead of
// copying 4 MB across threads on the server's event loop each time.
const UPLOADER = `
const { parentPort, workerData } = require('node:worker_threads')
const kept = new Map()
parentPort.on('message', async ({ id, keep, key, body, contentType }) => {
  if (keep) {
    kept.set(key, { body, contentType })
    return parentPort.postMessage({ id, status: 201, text: '' })
  }
  const upload = key !== undefined ? kept.get(key) : { body, contentType }
  const res = await fetch(workerData.url, { method: 'POST', headers: { authorization: 'Bearer ' + workerData.token, 'content-type': upload.contentType }, body: upload.body })
  parentPort.postMessage({ id, status: res.status, text: res.status === 201 ? '' : await res.text() })
})`
import { buildApp } from '../server/app'
import { loadConfig } from '../server/config'
import { openDatabase, migrateToLatest } from '../server/db/connect'
import { ensureDefaultOrg } from '../server/repositories/orgs'
import { photoUpload } from '../test/helpers/multipart'

/**
 * The production app on a real 127.0.0.1 listener with an in-memory PGlite and local storage
 * under `dir`, and an officer's token: what a phone's upload really goes through.
 */
export async function startBenchServer(dir: string) {
  const config = loadConfig({ DATA_DIR: dir, H5_DIR: join(dir, 'no-h5'), LOG_LEVEL: 'silent', PORT: '0' })
  // Embedded PGlite by default (what `npm start` runs); BENCH_DATABASE_URL measures PostgreSQL.
  const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL ?? null, pgliteDir: null })
  await migrateToLatest(database.db)
  const orgId = await ensureDefaultOrg(database.db)
  const app = await buildApp({ config, db: database.db, dbEngine: database.engine, orgId, logger: false, listen: database.listen })
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  const login = await fetch(`${base}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'officer', name: '压测' }) })
  const { token } = (await login.json()) as { token: string }
  // The phone is another machine: send from a worker thread so the client's work does not
  // queue on the server's event loop. Each multipart body is encoded once, outside the timing.
  const client = new Worker(UPLOADER, { eval: true, workerData: { url: `${base}/api/media`, token } })
  const keys = new Map<Buffer, number>()
  let serial = 0
  const send = (message: Record<string, unknown>) => {
    const id = ++serial
    return new Promise<void>((resolve, reject) => {
      const onMessage = (m: { id: number; status: number; text: string }) => {
        if (m.id !== id) return
        client.off('message', onMessage)
        m.status === 201 ? resolve() : reject(new Error(`upload failed: ${m.status} ${m.text}`))
      }
      client.on('message', onMessage)
      client.postMessage({ id, ...message })
    })
  }
  return {
    /** Encodes each photo's multipart body once and hands it to the client, outside any timing. */
    async prepare(photos: Buffer[]) {
      for (const photo of photos) {
        if (keys.has(photo)) continue
        const { payload, headers } = photoUpload(photo)
        const key = keys.size
        await send({ keep: true, key, body: payload, contentType: headers['content-type'] })
        keys.set(photo, key)
      }
    },
    upload(photo: Buffer) {
      const key = keys.get(photo)
      if (key !== undefined) return send({ key })
      const { payload, headers } = photoUpload(photo)
      return send({ body: payload, contentType: headers['content-type'] })
    },
    async close() {
      await client.terminate()
      await app.close()
      await database.close()
    }
  }
}
