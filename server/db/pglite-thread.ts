import path from 'node:path'
import { Worker } from 'node:worker_threads'

interface QueryResult {
  rows: unknown[]
  rowCount: number | null
  command: string
}

/** What Kysely's PostgresDialect needs of a pg client. */
export interface ThreadClient {
  query(sql: string, params?: readonly unknown[]): Promise<QueryResult>
  release(): void
}

/**
 * PGlite runs in a worker thread so a long query never stalls the server's event loop (health
 * checks, other requests, timers). This is a stand-in for pg's Pool of one connection: `connect`
 * hands out the single client to one holder at a time, so a transaction's statements stay
 * together, exactly as the in-process Pool({ max: 1 }) did.
 */
export type NotifyListener = (channel: string, payload: string) => void

export function openPgliteThread(dir: string | null, channels: readonly string[] = []) {
  const worker = new Worker(path.join(__dirname, 'pglite-worker.cjs'), { workerData: { dir, channels: [...channels] } })
  const listeners = new Set<NotifyListener>()
  const pending = new Map<number, { resolve(v: any): void; reject(e: unknown): void }>()
  let serial = 0
  worker.on('message', (m: { id: number; result?: QueryResult | null; error?: Record<string, unknown> & { message: string }; notify?: { channel: string; payload: string } }) => {
    if (m.notify) {
      for (const l of listeners) l(m.notify.channel, m.notify.payload)
      return
    }
    const p = pending.get(m.id)
    if (!p) return
    pending.delete(m.id)
    if (m.error) p.reject(Object.assign(new Error(m.error.message), m.error))
    else p.resolve(m.result)
  })
  worker.on('error', (err) => {
    for (const p of pending.values()) p.reject(err)
    pending.clear()
  })
  const call = (message: Record<string, unknown>) =>
    new Promise<any>((resolve, reject) => {
      const id = ++serial
      pending.set(id, { resolve, reject })
      worker.postMessage({ id, ...message })
    })

  // The one connection: a queue of waiting holders.
  let held = false
  const waiting: (() => void)[] = []
  const client: ThreadClient = {
    query: (sql, params) => call({ sql, params: params ? [...params] : [] }),
    release() {
      const next = waiting.shift()
      if (next) next()
      else held = false
    }
  }
  return {
    connect(): Promise<ThreadClient> {
      if (!held) {
        held = true
        return Promise.resolve(client)
      }
      return new Promise((resolve) => waiting.push(() => resolve(client)))
    },
    /** NOTIFY on one of `channels`, delivered at commit; returns the removal. */
    onNotify(listener: NotifyListener): () => void {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    async end(): Promise<void> {
      await call({ close: true })
      await worker.terminate()
    }
  }
}
