import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Driver, type QueryResult } from 'kysely'
import type { Database } from '../../server/db/database'
import { createDatabaseProbe, isReady } from '../../server/db/probe'

/** A database whose every answer the test gives by hand: each query waits until settled. */
function handDatabase() {
  const waiting: { resolve(r: QueryResult<unknown>): void; reject(e: Error): void }[] = []
  const connection: DatabaseConnection = {
    executeQuery: () => new Promise((resolve, reject) => waiting.push({ resolve: resolve as (r: QueryResult<unknown>) => void, reject })),
    streamQuery: () => {
      throw new Error('not used')
    }
  }
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {},
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {}
  }
  const db = new Kysely<Database>({
    dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => driver, createIntrospector: (k) => new PostgresIntrospector(k), createQueryCompiler: () => new PostgresQueryCompiler() }
  })
  const settled = () => new Promise((r) => setImmediate(r))
  return {
    db,
    waiting,
    async answer() {
      await settled()
      waiting.shift()!.resolve({ rows: [{ '?column?': 1 }] })
      await settled()
    },
    async fail(message: string) {
      await settled()
      waiting.shift()!.reject(new Error(message))
      await settled()
    }
  }
}

describe('the database probe behind /api/health', () => {
  let clock = 1_000_000
  const now = () => clock

  it('knows nothing before the first answer, then reports state, age, latency and a pending wait', async () => {
    const hand = handDatabase()
    const probe = createDatabaseProbe(hand.db, { intervalMs: 60_000, now })
    expect(probe.report()).toMatchObject({ state: 'unknown', checkedAt: null, ageMs: null, latencyMs: null, pendingMs: 0 })

    const first = probe.probe()
    clock += 7
    expect(probe.report()).toMatchObject({ state: 'unknown', pendingMs: 7 })
    await hand.answer()
    await first
    expect(probe.report()).toMatchObject({ state: 'up', latencyMs: 7, ageMs: 0, pendingMs: 0, error: null })
    expect(probe.report().checkedAt?.getTime()).toBe(clock)

    clock += 500
    expect(probe.report().ageMs).toBe(500)
  })

  it('a failure is reported as down with its message, and the next success clears it', async () => {
    const hand = handDatabase()
    const probe = createDatabaseProbe(hand.db, { intervalMs: 60_000, now })
    const failing = probe.probe()
    await hand.fail('connection refused')
    await failing
    expect(probe.report()).toMatchObject({ state: 'down', error: 'connection refused' })
    expect(isReady(probe.report(), 10_000)).toBe(false)
    const next = probe.probe()
    await hand.answer()
    await next
    expect(probe.report()).toMatchObject({ state: 'up', error: null })
    expect(isReady(probe.report(), 10_000)).toBe(true)
  })

  it('a probe that is not answered is not stacked on, and turns readiness off once it is stale', async () => {
    const hand = handDatabase()
    const probe = createDatabaseProbe(hand.db, { intervalMs: 60_000, now })
    const first = probe.probe()
    await hand.answer()
    await first
    const stuck = probe.probe()
    expect(probe.probe()).toBe(stuck)
    await new Promise((r) => setImmediate(r))
    expect(hand.waiting).toHaveLength(1)
    clock += 9_000
    expect(isReady(probe.report(), 10_000)).toBe(true)
    clock += 2_000
    expect(probe.report()).toMatchObject({ state: 'up', pendingMs: 11_000 })
    expect(isReady(probe.report(), 10_000)).toBe(false)
    await hand.answer()
    await stuck
    expect(isReady(probe.report(), 10_000)).toBe(true)
  })

  it('stop waits for the probe in flight', async () => {
    const hand = handDatabase()
    const probe = createDatabaseProbe(hand.db, { intervalMs: 60_000, now })
    const started = probe.start()
    let stopped = false
    const stopping = probe.stop().then(() => (stopped = true))
    await new Promise((r) => setImmediate(r))
    expect(stopped).toBe(false)
    await hand.answer()
    await Promise.all([started, stopping])
    expect(stopped).toBe(true)
  })
})
