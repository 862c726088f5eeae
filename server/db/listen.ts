import { Client } from 'pg'
import type { NotifyListener } from './pglite-thread'

const MAX_BACKOFF_MS = 30_000

/**
 * A dedicated PostgreSQL connection that LISTENs on `channels` (a pooled one would be handed to
 * other queries). If it drops (server restart, failover), it reconnects with backoff and calls
 * `onReset`, since anything committed meanwhile was not heard. Resolves once listening.
 */
export async function listenOnPostgres(url: string, channels: readonly string[], onNotify: NotifyListener, onReset: () => void): Promise<() => Promise<void>> {
  let client: Client | null = null
  let stopped = false
  let timer: NodeJS.Timeout | null = null

  const open = async (): Promise<void> => {
    const c = new Client({ connectionString: url })
    c.on('notification', (n) => onNotify(n.channel, n.payload ?? ''))
    c.on('error', (err) => {
      process.emitWarning(`LISTEN connection lost: ${err.message}`)
      lost(c)
    })
    c.on('end', () => lost(c))
    try {
      await c.connect()
      for (const ch of channels) await c.query(`LISTEN ${ch}`)
    } catch (err) {
      await c.end().catch(() => undefined)
      throw err
    }
    client = c
  }
  const reconnect = (attempt: number) => {
    if (stopped || timer) return
    timer = setTimeout(async () => {
      timer = null
      if (stopped) return
      try {
        await open()
        onReset()
      } catch {
        reconnect(attempt + 1)
      }
    }, Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt))
    timer.unref()
  }
  // Only the current connection's loss counts (a failed attempt's client is already ended).
  const lost = (c: Client) => {
    if (client !== c) return
    client = null
    void c.end().catch(() => undefined)
    reconnect(0)
  }

  await open()
  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    const c = client
    client = null
    await c?.end().catch(() => undefined)
  }
}
